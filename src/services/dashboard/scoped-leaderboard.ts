import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { contestLeaderboard } from '../quizzes/contests';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

/**
 * A contest's ranking among the members of the viewer's scope (ranked within the scope).
 * Contest-wide figures stay out: the number of perfect scores is what entrants are asked
 * to predict, so it must not leak while the contest runs.
 */
export async function scopedLeaderboard({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; contestId: number; unitId?: number } }) {
  const [contest] = await ctx.db.all<{ id: number; reaches: number }>(sql`
    SELECT c.id, ${audienceMeetsScope(input.viewer.role === 'admin' ? null : input.viewer.unitPath, 'c', 'contest_units', 'contest_id')} AS reaches
    FROM contests c WHERE c.id = ${input.contestId}`);
  if (!contest) throw new ServiceError('not_found', 'contest not found');
  if (!contest.reaches) throw new ServiceError('forbidden', 'contest outside the viewer scope');
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const board = await contestLeaderboard({ ctx, input: { contestId: input.contestId, unitPath: unit?.path, limit: 100 } });
  return {
    title: board.title,
    entrants: board.entrantsInScope,
    rows: board.rows.map(({ memberCode: _code, ...row }) => row),
  };
}
