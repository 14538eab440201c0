import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { loadMeeting } from './meeting-access';

/** Tham dự / Vắng có lý do: the member may change the reply until the meeting starts. */
export async function replyToMeeting({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; meetingId: number; reply: 'attending' | 'excused'; reason?: string };
}): Promise<void> {
  const meeting = await loadMeeting(ctx, input.meetingId);
  if (meeting.status !== 'scheduled' || ctx.clock.now().getTime() >= meeting.starts_at) throw new ServiceError('meeting_started');
  const reason = input.reply === 'excused' ? (input.reason ?? '').normalize('NFC').trim().slice(0, 500) || null : null;
  const result = await ctx.db.run(sql`
    UPDATE meeting_invitees SET reply = ${input.reply}, reason = ${reason}, replied_at = ${ctx.clock.now().getTime()}
    WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'not invited');
}
