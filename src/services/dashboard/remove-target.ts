import { sql } from 'drizzle-orm';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { canManageTargets } from './set-target';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

/** Removes a target set on a unit within the viewer's scope. */
export async function removeTarget({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; targetId: number } }) {
  if (!canManageTargets(input.viewer)) throw new ServiceError('forbidden', 'only committee staff remove targets');
  const [target] = await ctx.db.all<{ unit_id: number }>(sql`SELECT unit_id FROM dashboard_targets WHERE id = ${input.targetId}`);
  if (!target) throw new ServiceError('not_found', 'target not found');
  await resolveScopedUnit(ctx, input.viewer, target.unit_id);
  await ctx.db.batch([
    ctx.db.run(sql`DELETE FROM dashboard_targets WHERE id = ${input.targetId}`),
    auditStatement(ctx, { action: 'dashboard.target_remove', entity: 'unit', entityId: target.unit_id, details: { targetId: input.targetId } }),
  ]);
}
