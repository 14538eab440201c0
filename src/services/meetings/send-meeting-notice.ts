import { sql } from 'drizzle-orm';
import type { OutboxKeyboard } from '../../db/schema';
import { broadcastTitles } from '../../locales/vi-meetings';
import type { ServiceContext } from '../context';
import { enqueueBroadcast } from '../outbox/enqueue-broadcast';
import { assertOfficerOf, loadMeeting, type MeetingRow } from './meeting-access';

export interface MeetingDocumentRef {
  id: number;
  number: string | null;
  title: string | null;
}

export type NoticeRenderer = (
  meeting: MeetingRow,
  invitee: { fullName: string; isGuide: boolean },
  documents: MeetingDocumentRef[],
) => { text: string; keyboard: OutboxKeyboard | null };

/** The documents attached to a meeting, in the order they were attached. */
export async function meetingDocuments(ctx: ServiceContext, meetingId: number): Promise<MeetingDocumentRef[]> {
  return ctx.db.all<MeetingDocumentRef>(sql`
    SELECT d.id, d.number, d.title FROM meeting_documents md JOIN documents d ON d.id = md.document_id
    WHERE md.meeting_id = ${meetingId} ORDER BY md.rowid`);
}

/**
 * Queues the notice for every linked invitee through the outbox (returns at once)
 * and reports who cannot get it because they have not linked an account.
 */
export async function sendMeetingNotice({
  ctx,
  input,
  render,
}: {
  ctx: ServiceContext;
  input: { meetingId: number; organiserId: number; progress?: { channel: string; chatId: string } };
  render: NoticeRenderer;
}): Promise<{ broadcastId: number; queued: number; notLinked: string[] }> {
  const meeting = await loadMeeting(ctx, input.meetingId);
  await assertOfficerOf(ctx, input.organiserId, meeting.unit_id);
  const invitees = await ctx.db.all<{ member_id: number; full_name: string; is_guide: number; channel: string | null; chat_id: string | null }>(sql`
    SELECT i.member_id, m.full_name, i.is_guide, a.channel, a.chat_id
    FROM meeting_invitees i JOIN members m ON m.id = i.member_id
    LEFT JOIN channel_accounts a ON a.member_id = m.id AND a.blocked_at IS NULL
    WHERE i.meeting_id = ${meeting.id} ORDER BY m.full_name`);
  const linked = invitees.filter((i) => i.chat_id !== null);
  const documents = await meetingDocuments(ctx, meeting.id);
  const notLinked = [...new Set(invitees.filter((i) => i.chat_id === null).map((i) => i.full_name))];
  const { broadcastId, queued } = await enqueueBroadcast({
    ctx,
    input: {
      kind: 'meeting_notice',
      title: broadcastTitles.notice(meeting.unit_name),
      createdByMemberId: input.organiserId,
      progress: input.progress ?? null,
      notLinked: notLinked.length,
      messages: linked.map((i) => ({
        memberId: i.member_id,
        channel: i.channel!,
        chatId: i.chat_id!,
        dedupeKey: `meeting:${meeting.id}:notice:${i.member_id}:${i.channel}`,
        ...render(meeting, { fullName: i.full_name, isGuide: Boolean(i.is_guide) }, documents),
      })),
    },
  });
  await ctx.db.run(sql`UPDATE meetings SET notice_broadcast_id = coalesce(notice_broadcast_id, ${broadcastId}) WHERE id = ${meeting.id}`);
  return { broadcastId, queued, notLinked };
}
