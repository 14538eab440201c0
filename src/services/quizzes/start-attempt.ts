import { sql } from 'drizzle-orm';
import { quizAttempts } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { memberMayEnterContest, memberMayTakeSet, shuffled } from './quiz-access';

/**
 * Starts a practice attempt on a set, or a contest attempt; an unfinished attempt
 * on the same set or contest is resumed instead. The questions drawn and every
 * question's option order are fixed now and stored with the attempt.
 */
export async function startAttempt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; setId?: number; contestId?: number };
}): Promise<{ attemptId: number; resumed: boolean }> {
  const m = input.memberId;
  const now = ctx.clock.now();
  let setId = input.setId;
  let contestId: number | null = null;
  if (input.contestId !== undefined) {
    const [c] = await ctx.db.all<{ set_id: number; opens_at: number; closes_at: number; attempts_allowed: number; allowed: number; used: number }>(sql`
      SELECT c.set_id, c.opens_at, c.closes_at, c.attempts_allowed, ${memberMayEnterContest(m, sql`c.id`)} AS allowed,
        (SELECT count(*) FROM quiz_attempts a WHERE a.contest_id = c.id AND a.member_id = ${m}) AS used
      FROM contests c WHERE c.id = ${input.contestId}`);
    if (!c?.allowed) throw new ServiceError('not_found', 'contest not found');
    if (now.getTime() < Number(c.opens_at) || now.getTime() >= Number(c.closes_at)) throw new ServiceError('contest_closed');
    contestId = input.contestId;
    setId = c.set_id;
    const open = await openAttemptId(ctx, m, setId, contestId);
    if (open !== undefined) return { attemptId: open, resumed: true };
    if (Number(c.used) >= c.attempts_allowed) throw new ServiceError('no_attempts_left');
  } else {
    if (setId === undefined) throw new ServiceError('invalid_input', 'setId or contestId');
    const [allowed] = await ctx.db.all<{ ok: number }>(sql`SELECT ${memberMayTakeSet(m, sql`${setId}`)} AS ok`);
    if (!allowed?.ok) throw new ServiceError('not_found', 'quiz not found');
    const open = await openAttemptId(ctx, m, setId, null);
    if (open !== undefined) return { attemptId: open, resumed: true };
  }

  const [set] = await ctx.db.all<{ shuffle_questions: number; draw_count: number | null; draw_tags: string | null; draw_difficulty: string | null }>(sql`
    SELECT shuffle_questions, draw_count, draw_tags, draw_difficulty FROM quiz_sets WHERE id = ${setId}`);
  if (!set) throw new ServiceError('not_found', 'quiz not found');
  const tags = set.draw_tags ? (JSON.parse(set.draw_tags) as string[]) : [];
  const pool = (
    await ctx.db.all<{ id: number; options: string; tags: string; difficulty: string }>(sql`
      SELECT id, options, tags, difficulty FROM quiz_questions WHERE set_id = ${setId} AND status = 'approved' ORDER BY ordinal`)
  ).filter(
    (q) =>
      (tags.length === 0 || (JSON.parse(q.tags) as string[]).some((t) => tags.includes(t))) &&
      (!set.draw_difficulty || q.difficulty === set.draw_difficulty),
  );
  if (pool.length === 0) throw new ServiceError('not_found', 'quiz has no approved questions');
  const drawn = set.draw_count ? shuffled(pool).slice(0, set.draw_count) : set.shuffle_questions ? shuffled(pool) : pool;
  // A drawn subset is always in random order; a full set only when the set asks for it.
  const ordered = drawn;
  const [row] = await ctx.db
    .insert(quizAttempts)
    .values({
      setId: setId!,
      memberId: m,
      contestId,
      questionIds: ordered.map((q) => q.id),
      optionOrders: ordered.map((q) => shuffled((JSON.parse(q.options) as string[]).map((_, i) => i))),
      startedAt: now,
    })
    // Another start of the same member got in between (a double tap handled at once): the
    // one-open-attempt indexes (migration 0021) refuse this one, and that attempt is resumed.
    .onConflictDoNothing()
    .returning({ id: quizAttempts.id });
  if (row) return { attemptId: row.id, resumed: false };
  const open = await openAttemptId(ctx, m, setId!, contestId);
  // Only if that attempt was also finished in the instant between: an invariant, not a member's mistake.
  if (open === undefined) throw new Error('quiz attempt refused as a duplicate, but none is open');
  return { attemptId: open, resumed: true };
}

/** The member's unfinished attempt on a set (practice, `contestId` null) or a contest, if any (at most one: migration 0021). */
async function openAttemptId(ctx: ServiceContext, memberId: number, setId: number, contestId: number | null): Promise<number | undefined> {
  const [open] = await ctx.db.all<{ id: number }>(sql`
    SELECT id FROM quiz_attempts WHERE member_id = ${memberId} AND set_id = ${setId} AND finished_at IS NULL
      AND ${contestId === null ? sql`contest_id IS NULL` : sql`contest_id = ${contestId}`}`);
  return open?.id;
}
