import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * A quiz link opens attempts of its own quiz set (practice) or contest only: the attempt id in
 * a page's address must belong to the link's member and target, or the page is refused.
 */
export async function assertAttemptOfLink({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; attemptId: number; purpose: 'quiz' | 'contest'; targetId: number };
}): Promise<void> {
  const target = input.purpose === 'contest' ? sql`contest_id = ${input.targetId}` : sql`set_id = ${input.targetId} AND contest_id IS NULL`;
  const [row] = await ctx.db.all<{ id: number }>(sql`
    SELECT id FROM quiz_attempts WHERE id = ${input.attemptId} AND member_id = ${input.memberId} AND ${target}`);
  if (!row) throw new ServiceError('link_not_allowed', 'attempt of another quiz');
}
