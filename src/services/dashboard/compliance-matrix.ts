import type { ServiceContext } from '../context';
import type { MeetingRules } from '../meetings/meeting-rules';
import { type MonthIndex, dashboardPeriods } from './periods';
import { drillDownRows } from './subtree-rows';
import { loadHeldMonths, loadUnits, meetingRequirement, windowsMet } from './unit-figures';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, pageUnits } from './viewer';

export interface MatrixRow {
  unitId: number;
  code: string;
  name: string;
  hasChildren: boolean;
  /** Per month: required meetings (windows ending that month) and those held, over the subtree. */
  cells: { month: MonthIndex; due: number; held: number }[];
}

/**
 * Units × the last 12 months: for each unit under the chosen one, how many of its
 * subtree's required meetings (regular meetings of branches, committee meetings of
 * grassroots party committees) took place.
 */
export async function complianceMatrix({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; unitId?: number; rules: MeetingRules };
}): Promise<{ unit: ScopedUnit | null; months: MonthIndex[]; rows: MatrixRow[] }> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const periods = dashboardPeriods(ctx.clock.now());
  const within = pageUnits(input.viewer, unit);
  const units = await loadUnits(ctx, within);
  const held = await loadHeldMonths(ctx, within, periods);
  const months = Array.from({ length: 12 }, (_, k) => periods.twelveMonthsStart + k);
  const { children, self, hasChildren } = drillDownRows(units, unit);
  // The chosen unit gets a row of its own when it has children and its own requirement
  // (a đảng bộ's committee meetings), or when it has no children at all.
  const selfRow = self && (!hasChildren(self.id) || meetingRequirement(self.kind, input.rules)) ? self : undefined;
  const rowUnits = children.concat(selfRow ? [selfRow] : []);
  const rows = rowUnits.map((row) => ({
    unitId: row.id,
    code: row.code,
    name: row.name,
    hasChildren: hasChildren(row.id),
    cells: months.map((month) => ({ month, due: 0, held: 0 })),
  }));
  // Row subtrees are disjoint, so each unit adds its months to exactly one row.
  for (const u of units) {
    const requirement = meetingRequirement(u.kind, input.rules);
    const rowIndex = u.id === selfRow?.id ? rowUnits.length - 1 : rowUnits.findIndex((r) => r.id !== selfRow?.id && u.path.startsWith(r.path));
    if (!requirement || rowIndex < 0) continue;
    const unitHeld = held.get(u.id) ?? new Set<number>();
    for (const cell of rows[rowIndex]!.cells) {
      if (cell.month < u.sinceMonth) continue;
      const r = windowsMet(unitHeld, requirement.everyMonths, cell.month, cell.month);
      cell.due += r.due;
      cell.held += r.held;
    }
  }
  return { unit, months, rows };
}
