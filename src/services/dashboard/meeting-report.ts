import { sql } from 'drizzle-orm';
import type { AttendanceState, MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

/**
 * One meeting for the dashboard: who replied and came, feedback (without names when
 * the meeting's feedback is anonymous) and the secretary's rating.
 */
export async function meetingReport({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; meetingId: number } }) {
  const [meeting] = await ctx.db.all<{
    id: number;
    unit_id: number;
    kind: MeetingKind;
    starts_at: number;
    place: string;
    agenda: string;
    status: string;
    anonymous_feedback: number;
    rating: string | null;
    rating_details: string | null;
  }>(sql`SELECT id, unit_id, kind, starts_at, place, agenda, status, anonymous_feedback, rating, rating_details FROM meetings WHERE id = ${input.meetingId}`);
  if (!meeting) throw new ServiceError('not_found', 'meeting not found');
  const unit = await resolveScopedUnit(ctx, input.viewer, meeting.unit_id);
  const people = await ctx.db.all<{ full_name: string; is_guide: number; reply: string | null; attendance: AttendanceState | null; checked_in_at: number | null }>(sql`
    SELECT m.full_name, i.is_guide, i.reply, i.attendance, i.checked_in_at FROM meeting_invitees i JOIN members m ON m.id = i.member_id
    WHERE i.meeting_id = ${meeting.id} ORDER BY i.is_guide, m.full_name`);
  // Anonymous comments are listed by text, so their order cannot be matched to who answered when.
  const feedback = await ctx.db.all<{ score: number; comment: string | null; full_name: string }>(sql`
    SELECT f.score, f.comment, m.full_name FROM meeting_feedback f JOIN members m ON m.id = f.member_id
    WHERE f.meeting_id = ${meeting.id} ORDER BY CASE WHEN ${meeting.anonymous_feedback} THEN f.comment END, f.created_at`);
  const anonymous = Boolean(meeting.anonymous_feedback);
  const counted = people.filter((p) => !p.is_guide && p.attendance !== 'exempt' && p.attendance !== null);
  const details = meeting.rating_details ? (JSON.parse(meeting.rating_details) as { criteria?: { label: string; met: boolean }[] }) : null;
  return {
    meetingId: meeting.id,
    unitName: unit?.name ?? '',
    unitId: meeting.unit_id,
    kind: meeting.kind,
    startsAt: new Date(Number(meeting.starts_at)),
    place: meeting.place,
    agenda: meeting.agenda,
    cancelled: meeting.status === 'cancelled',
    people: people.map((p) => ({
      fullName: p.full_name,
      isGuide: Boolean(p.is_guide),
      reply: p.reply,
      attendance: p.attendance,
      checkedIn: p.checked_in_at !== null,
    })),
    attendanceRate: counted.length === 0 ? null : counted.filter((p) => p.attendance === 'present' || p.attendance === 'late').length / counted.length,
    feedback: {
      count: feedback.length,
      average: feedback.length === 0 ? null : feedback.reduce((n, f) => n + Number(f.score), 0) / feedback.length,
      distribution: [1, 2, 3, 4, 5].map((score) => feedback.filter((f) => Number(f.score) === score).length),
      comments: feedback.filter((f) => f.comment).map((f) => ({ author: anonymous ? null : f.full_name, text: f.comment! })),
    },
    rating: meeting.rating,
    ratingCriteria: details?.criteria ?? [],
  };
}
