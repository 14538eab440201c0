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
  const now = ctx.clock.now().getTime();
  const reason = input.reply === 'excused' ? (input.reason ?? '').normalize('NFC').trim().slice(0, 500) || null : null;
  // One statement on the usual path (a tap under a notice): the meeting's state is checked in the update.
  const saved = await ctx.db.all<{ member_id: number }>(sql`
    UPDATE meeting_invitees SET reply = ${input.reply}, reason = ${reason}, replied_at = ${now}
    WHERE meeting_id = ${input.meetingId} AND member_id = ${input.memberId}
      AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = ${input.meetingId} AND m.status = 'scheduled' AND m.starts_at > ${now})
    RETURNING member_id`);
  if (saved.length > 0) return;
  // Nothing saved: say why, in the order a reader would check.
  const meeting = await loadMeeting(ctx, input.meetingId);
  if (meeting.status !== 'scheduled' || now >= meeting.starts_at) throw new ServiceError('meeting_started');
  throw new ServiceError('not_found', 'not invited');
}
