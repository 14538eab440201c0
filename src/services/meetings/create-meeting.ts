import { sql } from 'drizzle-orm';
import { type MeetingKind, meetings } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { memberMayRead } from '../documents/document-access';
import { assertOfficerOf } from './meeting-access';

/**
 * Creates a meeting of the organiser's unit and its invitee list in one batch: the
 * unit's members (exempt ones marked exempt up front) and any higher-committee
 * members assigned to attend.
 */
export async function createMeeting({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    organiserId: number;
    unitId?: number;
    kind: MeetingKind;
    startsAt: Date;
    place: string;
    agenda: string;
    guideMemberIds?: number[];
    /** Documents to study beforehand; they are published to the unit so every invitee can read them. */
    documentIds?: number[];
  };
}): Promise<{ meetingId: number; invitees: number }> {
  const [organiser] = await ctx.db.all<{ unit_id: number }>(sql`SELECT unit_id FROM members WHERE id = ${input.organiserId}`);
  if (!organiser) throw new ServiceError('not_found', 'member not found');
  const unitId = input.unitId ?? organiser.unit_id;
  await assertOfficerOf(ctx, input.organiserId, unitId);
  if (input.startsAt.getTime() <= ctx.clock.now().getTime()) throw new ServiceError('invalid_input', 'meeting must start in the future');
  const place = input.place.normalize('NFC').trim();
  const agenda = input.agenda.normalize('NFC').trim();
  if (!place || place.length > 300 || !agenda || agenda.length > 3000) throw new ServiceError('invalid_input', 'place and agenda');
  // Only documents the organiser may read can be attached (and so published to the unit).
  const readable = (input.documentIds ?? []).length === 0 ? [] : (
    await ctx.db.all<{ id: number }>(sql`
      SELECT d.id FROM documents d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(input.documentIds)}))
        AND ${memberMayRead(input.organiserId, sql`d.id`)}`)
  ).map((r) => r.id);
  if (readable.length !== (input.documentIds ?? []).length) throw new ServiceError('not_found', 'document not found');
  const docs = JSON.stringify(readable);
  const now = ctx.clock.now();
  // A party-committee meeting (đảng bộ) gathers the whole subtree; others the unit itself.
  const scope = input.kind === 'dang_bo' ? sql`u.path LIKE (SELECT path FROM units WHERE id = ${unitId}) || '%'` : sql`u.id = ${unitId}`;
  const [created] = await ctx.db.batch([
    ctx.db
      .insert(meetings)
      .values({
        unitId,
        kind: input.kind,
        startsAt: input.startsAt,
        place,
        agenda,
        createdByMemberId: input.organiserId,
        anonymousFeedback: sql`(SELECT anonymous_feedback FROM units WHERE id = ${unitId})`,
        createdAt: now,
      })
      .returning({ id: meetings.id }),
  ]);
  const meetingId = created[0]!.id;
  const guides = JSON.stringify(input.guideMemberIds ?? []);
  // The invitee rows need the new id; if writing them fails, the meeting is removed again.
  const [members] = await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO meeting_invitees (meeting_id, member_id, is_guide, attendance)
      SELECT ${meetingId}, m.id, 0, CASE WHEN m.exempt THEN 'exempt' END FROM members m JOIN units u ON u.id = m.unit_id WHERE ${scope}`),
    // Guides: those named for this meeting and those assigned to the unit by a higher committee.
    ctx.db.run(sql`
      INSERT INTO meeting_invitees (meeting_id, member_id, is_guide)
      SELECT ${meetingId}, value, 1 FROM json_each(${guides}) WHERE value IN (SELECT id FROM members)
      UNION SELECT ${meetingId}, member_id, 1 FROM unit_guides WHERE unit_id = ${unitId}
      ON CONFLICT DO NOTHING`),
    ctx.db.run(sql`
      INSERT INTO meeting_documents (meeting_id, document_id)
      SELECT ${meetingId}, value FROM json_each(${docs}) WHERE value IN (SELECT id FROM documents) ON CONFLICT DO NOTHING`),
    ctx.db.run(sql`
      INSERT INTO document_units (document_id, unit_id, published_at)
      SELECT value, ${unitId}, ${now.getTime()} FROM json_each(${docs}) WHERE value IN (SELECT id FROM documents) ON CONFLICT DO NOTHING`),
    auditStatement(ctx, { action: 'meeting.create', entity: 'meeting', entityId: meetingId }),
  ]).catch(async (error: unknown) => {
    await ctx.db.run(sql`DELETE FROM meetings WHERE id = ${meetingId}`);
    throw error;
  });
  return { meetingId, invitees: members.rowsAffected };
}
