import { sql } from 'drizzle-orm';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

async function memberIdOf(ctx: ServiceContext, code: string): Promise<number> {
  const [row] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = ${code}`);
  if (!row) throw new ServiceError('not_found', 'member not found', { member: code });
  return row.id;
}

/**
 * Everything held on one member, for the member's right of access (Law 91/2025/QH15):
 * roster entry, unit history, linked accounts, study, quizzes, meetings and feedback.
 */
export async function exportMemberData({ ctx, input }: { ctx: ServiceContext; input: { memberCode: string } }) {
  const id = await memberIdOf(ctx, input.memberCode);
  const all = <T>(query: ReturnType<typeof sql>) => ctx.db.all<T>(query);
  const data = {
    member: (await all(sql`
      SELECT m.code, m.full_name, u.code AS unit_code, m.role, m.status, m.phone, m.birth_year, m.exempt, m.created_at
      FROM members m JOIN units u ON u.id = m.unit_id WHERE m.id = ${id}`))[0],
    unitHistory: await all(sql`
      SELECT u.code AS unit_code, h.from_at, h.to_at FROM member_unit_history h JOIN units u ON u.id = h.unit_id WHERE h.member_id = ${id} ORDER BY h.id`),
    accounts: await all(sql`SELECT channel, external_id, chat_id, consent_at, linked_at, blocked_at FROM channel_accounts WHERE member_id = ${id}`),
    documentStudy: await all(sql`
      SELECT d.number, d.title, s.received_at, s.opened_at, s.confirmed_at FROM document_study s JOIN documents d ON d.id = s.document_id WHERE s.member_id = ${id}`),
    quizAttempts: await all(sql`
      SELECT a.id, q.slug AS quiz, a.contest_id, a.started_at, a.finished_at, a.prediction,
        (SELECT json_group_array(json_object('position', x.position, 'chosen', json(x.chosen), 'correct', x.is_correct, 'at', x.answered_at))
         FROM quiz_answers x WHERE x.attempt_id = a.id) AS answers
      FROM quiz_attempts a JOIN quiz_sets q ON q.id = a.set_id WHERE a.member_id = ${id} ORDER BY a.id`),
    meetings: await all(sql`
      SELECT i.meeting_id, m.kind, m.starts_at, i.reply, i.reason, i.attendance, i.attendance_reason, i.checked_in_at
      FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id WHERE i.member_id = ${id} ORDER BY m.starts_at`),
    feedback: await all(sql`SELECT meeting_id, score, comment, created_at FROM meeting_feedback WHERE member_id = ${id}`),
  };
  await auditStatement(ctx, { action: 'member.export', entity: 'member', entityId: id });
  return data;
}

/**
 * Erases a member's personal data everywhere while keeping unit totals honest: the
 * roster row stays (anonymised) so counts, attendance rates and quiz statistics still add
 * up; names, phone, birth year, accounts, invites, reasons and comments are removed.
 */
export async function eraseMemberData({ ctx, input }: { ctx: ServiceContext; input: { memberCode: string } }): Promise<{ memberId: number }> {
  const id = await memberIdOf(ctx, input.memberCode);
  const now = ctx.clock.now().getTime();
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE members SET code = ${`erased-${id}`}, full_name = ${`#${id}`}, phone = NULL, birth_year = NULL, updated_at = ${now} WHERE id = ${id}`),
    ctx.db.run(sql`DELETE FROM chat_prompts WHERE (channel, external_id) IN (SELECT channel, external_id FROM channel_accounts WHERE member_id = ${id})`),
    ctx.db.run(sql`DELETE FROM channel_accounts WHERE member_id = ${id}`),
    ctx.db.run(sql`DELETE FROM invites WHERE member_id = ${id}`),
    ctx.db.run(sql`UPDATE meeting_invitees SET reason = NULL, attendance_reason = NULL WHERE member_id = ${id}`),
    ctx.db.run(sql`UPDATE meeting_feedback SET comment = NULL WHERE member_id = ${id}`),
    ctx.db.run(sql`UPDATE outbox_messages SET text = '', keyboard = NULL WHERE member_id = ${id}`),
    auditStatement(ctx, { action: 'member.erase', entity: 'member', entityId: id }),
  ]);
  return { memberId: id };
}
