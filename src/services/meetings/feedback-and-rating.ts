import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { meetingRoster } from './attendance';
import { assertOfficerOf, loadMeeting } from './meeting-access';
import { defaultMeetingRules } from './meeting-rules';

/** Longest feedback comment kept; chats and pages refuse a longer one with a message. */
export const feedbackCommentMaxLength = 1000;

/** An attendee's rating (1–5) and optional comment; answering again replaces the answer. */
export async function submitFeedback({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; meetingId: number; score: number; comment?: string | null };
}): Promise<void> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw new ServiceError('invalid_input', 'score');
  const meeting = await loadMeeting(ctx, input.meetingId);
  if (ctx.clock.now().getTime() < meeting.starts_at) throw new ServiceError('invalid_input', 'meeting has not started');
  const [attended] = await ctx.db.all<{ ok: number }>(sql`
    SELECT 1 AS ok FROM meeting_invitees WHERE meeting_id = ${meeting.id} AND member_id = ${input.memberId} AND attendance IN ('present', 'late')`);
  if (!attended) throw new ServiceError('forbidden');
  const comment = input.comment === undefined ? undefined : (input.comment ?? '').normalize('NFC').trim().slice(0, feedbackCommentMaxLength) || null;
  await ctx.db.run(sql`
    INSERT INTO meeting_feedback (meeting_id, member_id, score, comment, created_at)
    VALUES (${meeting.id}, ${input.memberId}, ${input.score}, ${comment ?? null}, ${ctx.clock.now().getTime()})
    ON CONFLICT (meeting_id, member_id) DO UPDATE SET score = excluded.score,
      comment = CASE WHEN ${comment === undefined ? 1 : 0} = 1 THEN comment ELSE excluded.comment END`);
}

/** Adds a comment to the member's feedback already given. */
export async function addFeedbackComment({ ctx, input }: { ctx: ServiceContext; input: { memberId: number; meetingId: number; comment: string } }) {
  const result = await ctx.db.run(sql`
    UPDATE meeting_feedback SET comment = ${input.comment.normalize('NFC').trim().slice(0, feedbackCommentMaxLength)}
    WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'no feedback yet');
}

/** Average, count and comments; names are left out when the meeting's feedback is anonymous. */
export async function feedbackSummary({ ctx, input }: { ctx: ServiceContext; input: { organiserId: number; meetingId: number } }) {
  const meeting = await loadMeeting(ctx, input.meetingId);
  await assertOfficerOf(ctx, input.organiserId, meeting.unit_id);
  const [m] = await ctx.db.all<{ anonymous: number }>(sql`SELECT anonymous_feedback AS anonymous FROM meetings WHERE id = ${meeting.id}`);
  const rows = await ctx.db.all<{ score: number; comment: string | null; full_name: string }>(sql`
    SELECT f.score, f.comment, m.full_name FROM meeting_feedback f JOIN members m ON m.id = f.member_id WHERE f.meeting_id = ${meeting.id}
    ORDER BY f.created_at`);
  const anonymous = Boolean(m?.anonymous);
  return {
    count: rows.length,
    average: rows.length === 0 ? null : rows.reduce((n, r) => n + Number(r.score), 0) / rows.length,
    comments: rows.filter((r) => r.comment).map((r) => ({ author: anonymous ? null : r.full_name, text: r.comment! })),
  };
}

/** The secretary's quality rating; the attendance rate is filled in from the roll. */
export async function rateMeeting({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** `criteria`: the rubric's criteria as worded when rated, each met or not (history keeps the wording). */
  input: { organiserId: number; meetingId: number; level: 'tot' | 'kha' | 'trung_binh' | 'kem'; criteria?: { label: string; met: boolean }[] };
}): Promise<{ attendanceRate: number }> {
  if (!defaultMeetingRules.ratingLevels.includes(input.level)) throw new ServiceError('invalid_input', 'level');
  const roster = await meetingRoster({ ctx, input: { organiserId: input.organiserId, meetingId: input.meetingId } });
  const counted = roster.people.filter((p) => !p.isGuide && p.attendance !== 'exempt');
  const present = counted.filter((p) => p.attendance === 'present' || p.attendance === 'late').length;
  const attendanceRate = counted.length === 0 ? 0 : present / counted.length;
  const details = { criteria: input.criteria ?? [], attendanceRate };
  await ctx.db.run(sql`
    UPDATE meetings SET rating = ${input.level}, rating_details = ${JSON.stringify(details)}, rated_at = ${ctx.clock.now().getTime()}
    WHERE id = ${input.meetingId}`);
  return { attendanceRate };
}
