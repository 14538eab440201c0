import { sql } from 'drizzle-orm';
import type { AttendanceState, MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export interface MemberMeetingView {
  id: number;
  kind: MeetingKind;
  unitName: string;
  startsAt: Date;
  place: string;
  agenda: string;
  cancelled: boolean;
  anonymousFeedback: boolean;
  reply: 'attending' | 'excused' | null;
  reason: string | null;
  attendance: AttendanceState | null;
  feedback: { score: number; comment: string | null } | null;
}

/** One meeting as the invited member sees it, with their own reply, attendance and feedback. */
export async function getMemberMeeting({ ctx, input }: { ctx: ServiceContext; input: { memberId: number; meetingId: number } }): Promise<MemberMeetingView> {
  const [row] = await ctx.db.all<{
    id: number;
    kind: MeetingKind;
    unit_name: string;
    starts_at: number;
    place: string;
    agenda: string;
    status: string;
    anonymous_feedback: number;
    reply: 'attending' | 'excused' | null;
    reason: string | null;
    attendance: AttendanceState | null;
    score: number | null;
    comment: string | null;
  }>(sql`
    SELECT m.id, m.kind, u.name AS unit_name, m.starts_at, m.place, m.agenda, m.status, m.anonymous_feedback,
      i.reply, i.reason, i.attendance, f.score, f.comment
    FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id JOIN units u ON u.id = m.unit_id
    LEFT JOIN meeting_feedback f ON f.meeting_id = m.id AND f.member_id = i.member_id
    WHERE i.meeting_id = ${input.meetingId} AND i.member_id = ${input.memberId}`);
  if (!row) throw new ServiceError('not_found', 'not invited');
  return {
    id: row.id,
    kind: row.kind,
    unitName: row.unit_name,
    startsAt: new Date(Number(row.starts_at)),
    place: row.place,
    agenda: row.agenda,
    cancelled: row.status === 'cancelled',
    anonymousFeedback: Boolean(row.anonymous_feedback),
    reply: row.reply,
    reason: row.reason,
    attendance: row.attendance,
    feedback: row.score === null ? null : { score: Number(row.score), comment: row.comment },
  };
}
