import { sql } from 'drizzle-orm';
import type { AttendanceState } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { assertOfficerOf, loadMeeting } from './meeting-access';

/** Check-in opens this long before the start and closes this long after it. */
export const checkInWindow = { beforeMs: 30 * 60_000, afterMs: 90 * 60_000, lateAfterMs: 15 * 60_000 };

/** "Có mặt": within the window; after 15 minutes it counts as late. */
export async function checkIn({ ctx, input }: { ctx: ServiceContext; input: { memberId: number; meetingId: number } }): Promise<{ state: 'present' | 'late' }> {
  const meeting = await loadMeeting(ctx, input.meetingId);
  const now = ctx.clock.now().getTime();
  if (now < meeting.starts_at - checkInWindow.beforeMs || now > meeting.starts_at + checkInWindow.afterMs) throw new ServiceError('check_in_closed');
  const state = now > meeting.starts_at + checkInWindow.lateAfterMs ? 'late' : 'present';
  const result = await ctx.db.run(sql`
    UPDATE meeting_invitees SET attendance = coalesce(attendance, ${state}), checked_in_at = coalesce(checked_in_at, ${now})
    WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'not invited');
  const [row] = await ctx.db.all<{ attendance: 'present' | 'late' }>(sql`
    SELECT attendance FROM meeting_invitees WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}`);
  return { state: row?.attendance ?? state };
}

/** The secretary records anyone's attendance, members without the bot included. */
export async function markAttendance({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { organiserId: number; meetingId: number; memberId: number; state: AttendanceState; reason?: string };
}): Promise<void> {
  const meeting = await loadMeeting(ctx, input.meetingId);
  await assertOfficerOf(ctx, input.organiserId, meeting.unit_id);
  const reason = input.state === 'excused' ? (input.reason ?? null) : null;
  const result = await ctx.db.run(sql`
    UPDATE meeting_invitees SET attendance = ${input.state},
      attendance_reason = coalesce(${reason}, CASE WHEN ${input.state} = 'excused' THEN reason END)
    WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'not invited');
}

export interface MeetingRoster {
  meetingId: number;
  unitName: string;
  startsAt: Date;
  kind: string;
  place: string;
  people: {
    memberId: number;
    fullName: string;
    isGuide: boolean;
    linked: boolean;
    reply: 'attending' | 'excused' | null;
    reason: string | null;
    attendance: AttendanceState | null;
    attendanceReason: string | null;
  }[];
}

/** Everyone invited with their reply and attendance (for the secretary). */
export async function meetingRoster({ ctx, input }: { ctx: ServiceContext; input: { organiserId: number; meetingId: number } }): Promise<MeetingRoster> {
  const meeting = await loadMeeting(ctx, input.meetingId);
  await assertOfficerOf(ctx, input.organiserId, meeting.unit_id);
  const people = await ctx.db.all<{ member_id: number; full_name: string; is_guide: number; linked: number; reply: 'attending' | 'excused' | null; reason: string | null; attendance: AttendanceState | null; attendance_reason: string | null }>(sql`
    SELECT i.member_id, m.full_name, i.is_guide, EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id) AS linked,
      i.reply, i.reason, i.attendance, i.attendance_reason
    FROM meeting_invitees i JOIN members m ON m.id = i.member_id WHERE i.meeting_id = ${meeting.id}
    ORDER BY i.is_guide, m.full_name COLLATE NOCASE`);
  return {
    meetingId: meeting.id,
    unitName: meeting.unit_name,
    startsAt: new Date(meeting.starts_at),
    kind: meeting.kind,
    place: meeting.place,
    people: people.map((p) => ({
      memberId: p.member_id,
      fullName: p.full_name,
      isGuide: Boolean(p.is_guide),
      linked: Boolean(p.linked),
      reply: p.reply,
      reason: p.reason,
      attendance: p.attendance,
      attendanceReason: p.attendance_reason ?? p.reason,
    })),
  };
}
