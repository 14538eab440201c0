import type { UnitKind, UnitType } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { MeetingRules } from '../meetings/meeting-rules';
import { dashboardPeriods } from './periods';
import { type Rates, ratesOf } from './rates';
import { drillDownRows } from './subtree-rows';
import { type ScopeFigures, addCounts, emptyCounts, loadScopeFigures, sumSubtree } from './unit-figures';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, pageUnits } from './viewer';

export interface BreakdownRow {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  type: UnitType | null;
  hasChildren: boolean;
  rates: Rates;
}

const grassrootsKinds: readonly UnitKind[] = ['dang_bo_co_so', 'chi_bo_co_so'];

/**
 * The drill-down page: each unit directly under the chosen one with the figures of its
 * whole subtree, and the same figures by type (loại hình) of grassroots organisation.
 */
export async function unitBreakdown({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; unitId?: number; rules: MeetingRules };
}): Promise<{ unit: ScopedUnit | null; total: Rates; rows: BreakdownRow[]; byType: { type: UnitType | null; organisations: number; rates: Rates }[] }> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const figures = await loadScopeFigures(ctx, pageUnits(input.viewer, unit), dashboardPeriods(ctx.clock.now()), input.rules);
  const { children, hasChildren } = drillDownRows(figures.units, unit);
  const rows = children.map((u) => ({
    unitId: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    type: u.type,
    hasChildren: hasChildren(u.id),
    rates: ratesOf(sumSubtree(figures, u.path)),
  }));
  return { unit, total: ratesOf(sumSubtree(figures, unit?.path ?? '/')), rows, byType: byType(figures) };
}

/** Each unit's counts go to the type of the grassroots organisation above it (one pass, no subtree rescans). */
function byType(figures: ScopeFigures) {
  const byId = new Map(figures.units.map((u) => [u.id, u]));
  const groups = new Map<UnitType | null, { organisations: number; counts: ReturnType<typeof emptyCounts> }>();
  const groupOf = (type: UnitType | null) => {
    const group = groups.get(type) ?? { organisations: 0, counts: emptyCounts() };
    groups.set(type, group);
    return group;
  };
  for (const u of figures.units) {
    if (grassrootsKinds.includes(u.kind)) groupOf(u.type).organisations++;
    const org = u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id)))
      .find((a) => a !== undefined && grassrootsKinds.includes(a.kind));
    if (org) addCounts(groupOf(org.type).counts, figures.counts.get(u.id) ?? emptyCounts());
  }
  return [...groups.entries()].map(([type, g]) => ({ type, organisations: g.organisations, rates: ratesOf(g.counts) }));
}
