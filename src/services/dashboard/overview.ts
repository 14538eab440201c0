import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { MeetingRules } from '../meetings/meeting-rules';
import type { listTargets } from './list-targets';
import { type DashboardPeriods, type MonthIndex, dashboardPeriods } from './periods';
import { type AttentionReason, type Rates, attentionReasons, ratesOf } from './rates';
import { measureTargets } from './measure-target';
import { type ScopeFigures, currentDocumentIds, emptyCounts, loadScopeFigures, sentToUnit, sumSubtree } from './unit-figures';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, pageUnits } from './viewer';

export interface Overview {
  unit: ScopedUnit | null;
  periods: DashboardPeriods;
  totals: Rates;
  attendanceByMonth: { month: MonthIndex; meetings: number; rate: number | null }[];
  documents: { documentId: number; label: string; due: number; confirmed: number; rate: number | null }[];
  attention: { unitId: number; code: string; name: string; reasons: AttentionReason[]; rates: Rates }[];
  targets: (Awaited<ReturnType<typeof listTargets>>[number] & { actual: number | null })[];
}

/** The overview page of a unit's subtree (or everything, for an admin). */
export async function dashboardOverview({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; unitId?: number; rules: MeetingRules };
}): Promise<Overview> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const periods = dashboardPeriods(ctx.clock.now());
  const within = pageUnits(input.viewer, unit);
  const figures = await loadScopeFigures(ctx, within, periods, input.rules);
  const totals = ratesOf(sumSubtree(figures, unit?.path ?? '/'));

  const monthly = await ctx.db.all<{ month: number; meetings: number; expected: number; present: number }>(sql`
    SELECT mt.month, count(*) AS meetings, sum(mt.counted_attendance) AS expected, sum(mt.present_attendance) AS present
    FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${within} AND mt.status = 'scheduled' AND mt.starts_at >= ${periods.twelveMonthsFrom} AND mt.starts_at <= ${periods.now}
      AND mt.counted_attendance > 0
    GROUP BY mt.month`);
  const byMonth = new Map(monthly.map((m) => [Number(m.month), m]));
  const attendanceByMonth = Array.from({ length: 12 }, (_, k) => {
    const month = periods.twelveMonthsStart + k;
    const m = byMonth.get(month);
    return { month, meetings: Number(m?.meetings ?? 0), rate: m && Number(m.expected) > 0 ? Number(m.present) / Number(m.expected) : null };
  });

  const documents = await documentCoverage(ctx, periods, within, figures);
  const attention = figures.units
    .map((u) => {
      const rates = ratesOf(figures.counts.get(u.id) ?? emptyCounts());
      return { unitId: u.id, code: u.code, name: u.name, reasons: attentionReasons(rates), rates };
    })
    .filter((u) => u.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || (a.rates.attendanceRate ?? 1) - (b.rates.attendanceRate ?? 1))
    .slice(0, 20);

  const measured = await measureTargets(ctx, unit, figures);
  return { unit, periods, totals, attendanceByMonth, documents, attention, targets: measured };
}

/** Each current resolution: members due (those under an audience it was sent to) and their confirmed study. */
async function documentCoverage(ctx: ServiceContext, periods: DashboardPeriods, within: SQL, figures: ScopeFigures) {
  const rows = await ctx.db.all<{ id: number; label: string; confirmed: number | null }>(sql`
    SELECT d.id, coalesce(d.number, d.title, d.source_name) AS label,
      (SELECT sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id
        WHERE ${within} AND r.document_id = d.id AND ${sentToUnit}) AS confirmed
    FROM documents d WHERE d.id IN (${currentDocumentIds(periods)}) ORDER BY d.id DESC`);
  return rows.map((d) => {
    const paths = figures.audiences.filter((a) => a.documentId === d.id).map((a) => a.path);
    let due = 0;
    for (const u of figures.units) if (paths.some((p) => u.path.startsWith(p))) due += figures.counts.get(u.id)?.members ?? 0;
    const confirmed = Number(d.confirmed ?? 0);
    return { documentId: d.id, label: d.label, due, confirmed, rate: due === 0 ? null : confirmed / due };
  });
}
