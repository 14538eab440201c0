import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { contestLeaderboard } from '../quizzes/contests';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

/** A contest's ranking among the members of the viewer's scope (ranked within the scope). */
export async function scopedLeaderboard({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; contestId: number; unitId?: number } }) {
  const [contest] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM contests WHERE id = ${input.contestId}`);
  if (!contest) throw new ServiceError('not_found', 'contest not found');
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  return contestLeaderboard({ ctx, input: { contestId: input.contestId, unitCode: unit?.code, limit: 100 } });
}
