import { unitKindNames, unitTypeNames } from '../../../locales/vi-names';
import type { BreakdownRow } from '../../../services/dashboard/unit-breakdown';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import { table } from '../table-model';
import { BarChart } from '../views/bar-chart';
import { charts, headers, nav, tableTitles } from '../views/labels';
import { definePage } from './page';
import { rateColumns } from './rate-columns';
import { UnitCrumbs } from './unit-crumbs';

type Data = Awaited<ReturnType<import('../../../services').Services['unitBreakdown']>> & { viewer: DashboardViewer };

export const unitsPage = definePage<Data>({
  nav: 'units',
  load: async (r) => ({ ...(await r.services.unitBreakdown({ viewer: r.viewer, unitId: r.unitId, rules: r.rules }, r.actor)), viewer: r.viewer }),
  title: (d) => `${nav.units}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    table<BreakdownRow>({
      id: 'units',
      title: tableTitles.units,
      rows: d.rows,
      columns: [
        { header: headers.unit, value: (u) => u.name, link: (u) => (u.hasChildren ? `/dashboard/units?unit=${u.unitId}` : `/dashboard/members?unit=${u.unitId}`) },
        { header: headers.kind, value: (u) => unitKindNames[u.kind] },
        ...rateColumns<BreakdownRow>(),
      ],
    }),
    table({
      id: 'by-type',
      title: tableTitles.byType,
      rows: d.byType,
      columns: [
        { header: headers.type, value: (g) => (g.type ? unitTypeNames[g.type] : '—') },
        { header: headers.organisations, format: 'number', value: (g) => g.organisations },
        ...rateColumns<(typeof d.byType)[number]>(),
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/units" />
      <BarChart
        id="attendance-by-unit"
        title={charts.attendanceByUnit}
        max={1}
        format="percent"
        bars={d.rows.slice(0, 30).map((u) => ({ label: u.name, value: u.rates.attendanceRate }))}
      />
      {v.table('units')}
      {v.table('by-type')}
    </>
  ),
});
