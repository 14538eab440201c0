import type { ServiceContext } from '../context';
import type { MeetingRules } from '../meetings/meeting-rules';
import { measureTargets } from './measure-target';
import { dashboardPeriods } from './periods';
import { loadScopeFigures } from './unit-figures';
import { type DashboardViewer, resolveScopedUnit, pageUnits } from './viewer';

/** The targets page: targets that apply to the unit, measured, without the rest of the overview. */
export async function targetsReport({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; unitId?: number; rules: MeetingRules } }) {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const figures = await loadScopeFigures(ctx, pageUnits(input.viewer, unit), dashboardPeriods(ctx.clock.now()), input.rules);
  return { unit, targets: await measureTargets(ctx, unit, figures) };
}
