import { sql } from 'drizzle-orm';
import type { MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { memberMayRead } from '../documents/document-access';
import { checkInWindow } from '../meetings/attendance';
import { listOpenQuizzes } from '../quizzes/list-open-quizzes';
import { createMemberLink } from './create-member-link';
import { type MemberLinkPurpose, meetingFeedbackWindowMs } from './link-purposes';

export type MemberLinkItem = { purpose: MemberLinkPurpose; targetId: number; path: string } & (
  | { kind: 'quiz'; title: string }
  | { kind: 'meeting'; meetingKind: MeetingKind; unitName: string; startsAt: Date }
  | { kind: 'document'; number: string | null; title: string | null }
);

/** At most this many of each kind, newest first: a phone screen of buttons, not an archive. */
const perKind = 3;

/**
 * The pages a member can use right now, each with a fresh signed link: open quizzes and
 * contests, meetings to reply to (before the start), to check in at (in the check-in
 * window) or to give feedback on (attended, in the feedback window), and documents with
 * an approved summary. Channels show these as buttons or links.
 */
export async function listMemberLinks({
  ctx,
  input,
  secret,
}: {
  ctx: ServiceContext;
  input: { memberId: number };
  secret?: string;
}): Promise<MemberLinkItem[]> {
  const m = input.memberId;
  const now = ctx.clock.now().getTime();
  const link = (purpose: MemberLinkPurpose, targetId: number) => createMemberLink({ ctx, input: { memberId: m, purpose, targetId }, secret });
  const items: MemberLinkItem[] = [];

  const open = await listOpenQuizzes({ ctx, input: { memberId: m } });
  for (const c of open.contests.slice(0, perKind)) items.push({ purpose: 'contest', targetId: c.contestId, path: (await link('contest', c.contestId)).path, kind: 'quiz', title: c.title });
  for (const q of open.quizzes.slice(0, perKind)) items.push({ purpose: 'quiz', targetId: q.setId, path: (await link('quiz', q.setId)).path, kind: 'quiz', title: q.title });

  const meetings = await ctx.db.all<{ id: number; kind: MeetingKind; unit_name: string; starts_at: number; attended: number }>(sql`
    SELECT mt.id, mt.kind, u.name AS unit_name, mt.starts_at, i.attendance IN ('present', 'late') AS attended
    FROM meeting_invitees i JOIN meetings mt ON mt.id = i.meeting_id JOIN units u ON u.id = mt.unit_id
    WHERE i.member_id = ${m} AND mt.status = 'scheduled' AND mt.starts_at > ${now - meetingFeedbackWindowMs}
      -- A past meeting offers a page only to those who came (feedback) or while check-in is open;
      -- filtered here, so past meetings without a page do not crowd upcoming ones out of the LIMIT.
      AND (mt.starts_at >= ${now - checkInWindow.afterMs} OR i.attendance IN ('present', 'late'))
    ORDER BY mt.starts_at LIMIT ${perKind * 2}`);
  for (const mt of meetings) {
    const startsAt = Number(mt.starts_at);
    const purpose: MemberLinkPurpose | null =
      now >= startsAt - checkInWindow.beforeMs && now <= startsAt + checkInWindow.afterMs && !mt.attended
        ? 'check-in'
        : now < startsAt
          ? 'meeting-reply'
          : mt.attended
            ? 'feedback'
            : null;
    if (purpose === null || items.filter((i) => i.kind === 'meeting').length >= perKind) continue;
    const path = (await link(purpose, mt.id)).path;
    items.push({ purpose, targetId: mt.id, path, kind: 'meeting', meetingKind: mt.kind, unitName: mt.unit_name, startsAt: new Date(startsAt) });
  }

  const documents = await ctx.db.all<{ id: number; number: string | null; title: string | null }>(sql`
    SELECT d.id, d.number, d.title FROM documents d
    WHERE ${memberMayRead(m, sql`d.id`)}
      AND EXISTS (SELECT 1 FROM document_summaries s WHERE s.document_id = d.id AND s.scope = 'document' AND s.status = 'approved')
    ORDER BY coalesce(d.issued_at, '') DESC, d.id DESC LIMIT ${perKind}`);
  for (const d of documents) items.push({ purpose: 'summary', targetId: d.id, path: (await link('summary', d.id)).path, kind: 'document', number: d.number, title: d.title });
  return items;
}
