import { type SQL, sql } from 'drizzle-orm';
import type { OutboxKeyboard } from '../../db/schema';
import { broadcastTitles } from '../../locales/vi-meetings';
import type { ServiceContext } from '../context';
import { enqueueBroadcast, perChannelKey, type OutgoingMessage } from '../outbox/enqueue-broadcast';
import type { MeetingRow } from './meeting-access';
import { type MeetingRules, vietnamMonth, vietnamMonthStart } from './meeting-rules';
import type { NoticeRenderer } from './send-meeting-notice';

type Rendered = { text: string; keyboard: OutboxKeyboard | null };

/** Channel-specific rendering of the scheduled meeting messages (buttons differ per channel). */
export interface MeetingMessages {
  notice: NoticeRenderer;
  reminder(meeting: MeetingRow, hours: number): Rendered;
  nudge(meeting: MeetingRow, last: boolean): Rendered;
  noReplies(meeting: MeetingRow, names: string[]): Rendered;
  feedbackRequest(meeting: MeetingRow): Rendered;
  complianceNudge(unitName: string, rule: string, period: string): Rendered;
}

interface Recipient {
  member_id: number;
  channel: string;
  chat_id: string;
}

const meetingColumns = sql`m.id, m.unit_id, u.name AS unit_name, m.kind, m.starts_at, m.place, m.agenda, m.status`;

/** Queues what has not been queued yet under `key`; nothing at all when everyone has it. */
async function queueOnce(ctx: ServiceContext, kind: string, title: string, memberKey: (r: Recipient) => string, recipients: Recipient[], render: () => Rendered) {
  if (recipients.length === 0) return 0;
  // One message per member and channel (see perChannelKey).
  const key = (r: Recipient) => perChannelKey(memberKey(r), r.channel);
  const keys = recipients.map(key);
  const existing = new Set(
    (await ctx.db.all<{ dedupe_key: string }>(sql`
      SELECT dedupe_key FROM outbox_messages WHERE dedupe_key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`)).map((r) => r.dedupe_key),
  );
  const fresh = recipients.filter((r) => !existing.has(key(r)));
  if (fresh.length === 0) return 0;
  const rendered = render();
  const messages: OutgoingMessage[] = fresh.map((r) => ({ memberId: r.member_id, channel: r.channel, chatId: r.chat_id, dedupeKey: key(r), ...rendered }));
  const { queued } = await enqueueBroadcast({ ctx, input: { kind, title, messages } });
  return queued;
}

/** The chat accounts a member can be reached on: every linked channel the member has not blocked. */
const reachableAccounts = (memberId: SQL) => sql`JOIN channel_accounts a ON a.member_id = ${memberId} AND a.blocked_at IS NULL`;

const linkedInvitees = (meetingId: number, extra = sql``) => sql`
  SELECT i.member_id, a.channel, a.chat_id FROM meeting_invitees i
  ${reachableAccounts(sql`i.member_id`)}
  WHERE i.meeting_id = ${meetingId} AND coalesce(i.attendance, '') <> 'exempt' ${extra}`;

async function upcoming(ctx: ServiceContext, withinHours: number) {
  const now = ctx.clock.now().getTime();
  const rows = await ctx.db.all<MeetingRow>(sql`
    SELECT ${meetingColumns} FROM meetings m JOIN units u ON u.id = m.unit_id
    WHERE m.status = 'scheduled' AND m.starts_at > ${now} AND m.starts_at <= ${now + withinHours * 3600_000}`);
  return rows.map((r) => ({ ...r, starts_at: Number(r.starts_at) }));
}

/**
 * Reminders before each meeting (24 h and 1 h by default). Run as often as you like:
 * each reminder is queued once; after downtime only the latest due reminder goes out.
 */
export async function queueMeetingReminders({ ctx, input }: { ctx: ServiceContext; input: { messages: MeetingMessages; rules: MeetingRules } }) {
  const hours = [...input.rules.reminderHours].sort((a, b) => a - b);
  let queued = 0;
  for (const meeting of await upcoming(ctx, Math.max(...hours))) {
    const left = (meeting.starts_at - ctx.clock.now().getTime()) / 3600_000;
    const due = hours.find((h) => left <= h); // the closest reminder whose time has come
    if (due === undefined) continue;
    const recipients = await ctx.db.all<Recipient>(linkedInvitees(meeting.id, sql`AND coalesce(i.reply, '') <> 'excused'`));
    queued += await queueOnce(ctx, 'meeting_reminder', broadcastTitles.reminder(meeting.unit_name), (r) => `meeting:${meeting.id}:remind${due}:${r.member_id}`, recipients, () => input.messages.reminder(meeting, due));
  }
  return queued;
}

/** Nudges members who have not replied; the last nudge also gives the secretary the names. */
export async function queueReplyNudges({ ctx, input }: { ctx: ServiceContext; input: { messages: MeetingMessages; rules: MeetingRules } }) {
  const hours = [...input.rules.nudgeHours].sort((a, b) => a - b);
  let queued = 0;
  for (const meeting of await upcoming(ctx, Math.max(...hours))) {
    const left = (meeting.starts_at - ctx.clock.now().getTime()) / 3600_000;
    const due = hours.find((h) => left <= h);
    if (due === undefined) continue;
    const last = due === hours[0];
    const silent = await ctx.db.all<Recipient>(linkedInvitees(meeting.id, sql`AND i.reply IS NULL AND i.is_guide = 0`));
    queued += await queueOnce(ctx, 'meeting_nudge', broadcastTitles.nudge(meeting.unit_name), (r) => `meeting:${meeting.id}:nudge${due}:${r.member_id}`, silent, () => input.messages.nudge(meeting, last));
    if (last) {
      const names = await ctx.db.all<{ full_name: string }>(sql`
        SELECT m.full_name FROM meeting_invitees i JOIN members m ON m.id = i.member_id
        WHERE i.meeting_id = ${meeting.id} AND i.reply IS NULL AND i.is_guide = 0 AND coalesce(i.attendance, '') <> 'exempt' ORDER BY m.full_name`);
      if (names.length === 0) continue;
      const organisers = await ctx.db.all<Recipient>(sql`
        SELECT m.id AS member_id, a.channel, a.chat_id FROM meetings mt JOIN members m ON m.id = mt.created_by_member_id
        ${reachableAccounts(sql`m.id`)} WHERE mt.id = ${meeting.id}`);
      queued += await queueOnce(ctx, 'meeting_nudge', broadcastTitles.noReplies(meeting.unit_name), (r) => `meeting:${meeting.id}:noreplies:${r.member_id}`, organisers, () =>
        input.messages.noReplies(meeting, names.map((n) => n.full_name)),
      );
    }
  }
  return queued;
}

/** After a meeting, asks each attendee for a rating and a comment, once. */
export async function queueFeedbackRequests({ ctx, input }: { ctx: ServiceContext; input: { messages: MeetingMessages; rules: MeetingRules } }) {
  const now = ctx.clock.now().getTime();
  const rows = await ctx.db.all<MeetingRow>(sql`
    SELECT ${meetingColumns} FROM meetings m JOIN units u ON u.id = m.unit_id
    WHERE m.status = 'scheduled' AND m.starts_at <= ${now - input.rules.feedbackAfterHours * 3600_000} AND m.starts_at > ${now - 7 * 86_400_000}`);
  let queued = 0;
  for (const r of rows) {
    const meeting = { ...r, starts_at: Number(r.starts_at) };
    const attendees = await ctx.db.all<Recipient>(linkedInvitees(meeting.id, sql`AND i.attendance IN ('present', 'late')`));
    queued += await queueOnce(ctx, 'meeting_feedback', broadcastTitles.feedback(meeting.unit_name), (x) => `meeting:${meeting.id}:feedback:${x.member_id}`, attendees, () => input.messages.feedbackRequest(meeting));
  }
  return queued;
}

/**
 * The daily compliance check. Each rule asks a kind of unit to hold a kind of meeting at
 * least once per window of N months (windows end in months divisible by N; monthly rules
 * every month). From the warning day of a window's last month, a unit with none gets a
 * finding, recorded once for the dashboard, and its secretaries a nudge.
 */
export async function checkMeetingCompliance({ ctx, input }: { ctx: ServiceContext; input: { messages: MeetingMessages; rules: MeetingRules } }) {
  const { year, month, day } = vietnamMonth(ctx.clock.now());
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const branches = ['chi_bo_co_so', 'chi_bo_truc_thuoc'];
  const rules = [
    { rule: 'regular_monthly', unitKinds: branches, meetingKind: 'dinh_ky', every: input.rules.regularEveryMonths },
    { rule: 'thematic', unitKinds: branches, meetingKind: 'chuyen_de', every: input.rules.thematicEveryMonths },
    { rule: 'committee_monthly', unitKinds: ['dang_bo_co_so'], meetingKind: 'chi_uy', every: input.rules.committeeEveryMonths },
    { rule: 'party_committee', unitKinds: ['dang_bo_co_so'], meetingKind: 'dang_bo', every: input.rules.partyCommitteeEveryMonths },
  ];
  if (day < input.rules.warnFromDay) return { findings: 0, recorded: 0 };
  const windowEnd = vietnamMonthStart(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1);
  const findings: { unitId: number; unitName: string; rule: string }[] = [];
  for (const r of rules) {
    if (month % r.every !== 0) continue;
    const windowStart = vietnamMonthStart(year, month - r.every + 1);
    const missing = await ctx.db.all<{ id: number; name: string }>(sql`
      SELECT u.id, u.name FROM units u
      WHERE u.kind IN (SELECT value FROM json_each(${JSON.stringify(r.unitKinds)}))
        AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.unit_id = u.id AND m.kind = ${r.meetingKind} AND m.status = 'scheduled'
                        AND m.starts_at >= ${windowStart} AND m.starts_at < ${windowEnd})
      ORDER BY u.path`);
    for (const u of missing) findings.push({ unitId: u.id, unitName: u.name, rule: r.rule });
  }
  let recorded = 0;
  for (const f of findings) {
    const inserted = await ctx.db.run(sql`
      INSERT INTO compliance_findings (unit_id, rule, period, found_at) VALUES (${f.unitId}, ${f.rule}, ${period}, ${ctx.clock.now().getTime()})
      ON CONFLICT DO NOTHING`);
    recorded += inserted.rowsAffected;
    const secretaries = await ctx.db.all<Recipient>(sql`
      SELECT m.id AS member_id, a.channel, a.chat_id FROM members m ${reachableAccounts(sql`m.id`)}
      WHERE m.unit_id = ${f.unitId} AND m.role IN ('secretary', 'deputy_secretary')`);
    await queueOnce(ctx, 'compliance', broadcastTitles.compliance(f.unitName), (r) => `compliance:${f.unitId}:${f.rule}:${period}:${r.member_id}`, secretaries, () =>
      input.messages.complianceNudge(f.unitName, f.rule, period),
    );
  }
  return { findings: findings.length, recorded };
}
