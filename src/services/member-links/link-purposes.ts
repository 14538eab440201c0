import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { memberMayRead } from '../documents/document-access';
import { memberMayEnterContest, memberMayTakeSet } from '../quizzes/quiz-access';

export const memberLinkPurposes = ['quiz', 'contest', 'meeting-reply', 'check-in', 'feedback', 'summary'] as const;
export type MemberLinkPurpose = (typeof memberLinkPurposes)[number];

/** One letter per purpose inside the token, so links stay short. */
export const purposeCodes: Record<MemberLinkPurpose, string> = {
  quiz: 'q',
  contest: 'c',
  'meeting-reply': 'r',
  'check-in': 'i',
  feedback: 'f',
  summary: 's',
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** No link lives longer than this, whatever its target says. */
export const maxLinkLifetimeMs = 60 * DAY;
/** A meeting's links (reply, check-in, feedback) work until a week after it starts: feedback comes last. */
export const meetingFeedbackWindowMs = 7 * DAY;
const practiceQuizLifetimeMs = 14 * DAY;
const summaryLifetimeMs = 30 * DAY;
/** A contest attempt started before the close may finish its question (answerQuestion's grace). */
const contestGraceMs = 10 * 60_000;

/**
 * When a link for this target stops working (ms), or null when the target is gone.
 * Meeting links last until the feedback window closes, a contest's until it closes,
 * practice quizzes and summaries a fixed while; all capped at maxLinkLifetimeMs.
 */
export async function linkExpiry(ctx: ServiceContext, purpose: MemberLinkPurpose, targetId: number): Promise<number | null> {
  const now = ctx.clock.now().getTime();
  const cap = (until: number) => Math.min(until, now + maxLinkLifetimeMs);
  switch (purpose) {
    case 'quiz':
      return cap(now + practiceQuizLifetimeMs);
    case 'summary':
      return cap(now + summaryLifetimeMs);
    case 'contest': {
      const [c] = await ctx.db.all<{ closes_at: number }>(sql`SELECT closes_at FROM contests WHERE id = ${targetId}`);
      return c ? cap(Number(c.closes_at) + contestGraceMs) : null;
    }
    default: {
      const [m] = await ctx.db.all<{ starts_at: number }>(sql`SELECT starts_at FROM meetings WHERE id = ${targetId}`);
      return m ? cap(Number(m.starts_at) + meetingFeedbackWindowMs) : null;
    }
  }
}

/**
 * Whether the member may still use this target now: the same reach rules the bot uses
 * (quiz sets and contests published to their unit, meetings they are invited to and
 * that are not cancelled, documents they may read).
 */
export async function memberMayUseTarget(ctx: ServiceContext, memberId: number, purpose: MemberLinkPurpose, targetId: number): Promise<boolean> {
  const id = sql`${targetId}`;
  const condition =
    purpose === 'quiz'
      ? sql`EXISTS (SELECT 1 FROM quiz_sets WHERE id = ${targetId}) AND ${memberMayTakeSet(memberId, id)}`
      : purpose === 'contest'
        ? sql`EXISTS (SELECT 1 FROM contests WHERE id = ${targetId}) AND ${memberMayEnterContest(memberId, id)}`
        : purpose === 'summary'
          ? sql`EXISTS (SELECT 1 FROM documents WHERE id = ${targetId}) AND ${memberMayRead(memberId, id)}`
          : sql`EXISTS (SELECT 1 FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
                WHERE i.meeting_id = ${targetId} AND i.member_id = ${memberId} AND m.status = 'scheduled')`;
  const [row] = await ctx.db.all<{ ok: number }>(sql`SELECT (${condition}) AS ok`);
  return Boolean(row?.ok);
}

/** The member as links see them: null when erased. */
export async function linkMember(ctx: ServiceContext, memberId: number): Promise<{ fullName: string; unitId: number } | null> {
  const [m] = await ctx.db.all<{ full_name: string; unit_id: number; code: string }>(sql`
    SELECT full_name, unit_id, code FROM members WHERE id = ${memberId}`);
  if (!m || m.code.startsWith('erased-')) return null;
  return { fullName: m.full_name, unitId: m.unit_id };
}
