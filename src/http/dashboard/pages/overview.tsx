import type { Overview } from '../../../services/dashboard/overview';
import { monthLabel } from '../../../services/dashboard/periods';
import { table } from '../table-model';
import { BarChart } from '../views/bar-chart';
import { attentionReasonNames, charts, headers, nav, stat, tableTitles } from '../views/labels';
import { StatCard } from '../views/stat-card';
import { definePage } from './page';
import { targetsTable } from './targets-table';
import { rateColumns } from './rate-columns';
import { UnitCrumbs } from './unit-crumbs';

type Data = Overview & { viewer: import('../../../services/dashboard/viewer').DashboardViewer };

export const overviewPage = definePage<Data>({
  nav: 'overview',
  load: async (r) => ({ ...(await r.services.dashboardOverview({ viewer: r.viewer, unitId: r.unitId, rules: r.rules }, r.actor)), viewer: r.viewer }),
  title: (d) => `${nav.overview}: ${d.unit?.name ?? d.viewer.unitName ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    targetsTable(d.targets),
    table({
      id: 'attention',
      title: tableTitles.attention,
      rows: d.attention,
      columns: [
        { header: headers.unit, value: (u) => u.name, link: (u) => `/dashboard/units?unit=${u.unitId}` },
        { header: headers.reasons, value: (u) => u.reasons.map((x) => attentionReasonNames[x]).join('; ') },
        ...rateColumns<(typeof d.attention)[number]>(),
      ],
    }),
    table({
      id: 'documents',
      title: tableTitles.documents,
      rows: d.documents,
      columns: [
        { header: headers.document, value: (x) => x.label, link: (x) => `/dashboard/document?id=${x.documentId}` },
        { header: headers.due, format: 'number', value: (x) => x.due },
        { header: headers.confirmed, format: 'number', value: (x) => x.confirmed },
        { header: headers.coverage, format: 'percent', value: (x) => x.rate },
      ],
    }),
    table({
      id: 'attendance-by-month',
      title: tableTitles.attendanceByMonth,
      rows: d.attendanceByMonth,
      columns: [
        { header: headers.month, value: (m) => monthLabel(m.month) },
        { header: headers.meetings, format: 'number', value: (m) => m.meetings },
        { header: headers.attendance, format: 'percent', value: (m) => m.rate },
      ],
    }),
  ],
  body: (d, v) => {
    const t = d.totals;
    return (
      <>
        <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard" />
        <div class="cards">
          <StatCard label={stat.linked} value={t.linkedRate} format="percent" detail={`${t.linked}/${t.members}`} />
          <StatCard
            label={stat.meetingsThisMonth}
            value={t.meetingsThisMonthRate}
            format="percent"
            detail={`${t.meetingsHeldThisMonth}/${t.meetingsDueThisMonth}`}
          />
          <StatCard label={stat.meetingsHalfYear} value={t.meetingsHalfYearRate} format="percent" detail={`${t.meetingsHeldHalfYear}/${t.meetingsDueHalfYear}`} />
          <StatCard label={stat.attendance} value={t.attendanceRate} format="percent" target={0.8} />
          <StatCard label={stat.study} value={t.studyRate} format="percent" target={1} />
          <StatCard label={stat.quizParticipation} value={t.quizParticipationRate} format="percent" />
          <StatCard label={stat.quizAverage} value={t.quizAverage} format="percent" />
          <StatCard label={stat.feedback} value={t.feedbackAverage} format="score" />
        </div>
        <BarChart
          id="attendance-by-month"
          title={charts.attendanceByMonth}
          max={1}
          format="percent"
          bars={d.attendanceByMonth.map((m) => ({ label: monthLabel(m.month), value: m.rate }))}
        />
        {d.documents.length > 0 ? (
          <BarChart id="study-by-document" title={charts.studyByDocument} max={1} format="percent" bars={d.documents.map((x) => ({ label: x.label, value: x.rate }))} />
        ) : null}
        {v.table('targets')}
        {v.table('attention')}
        {v.table('documents')}
        {v.table('attendance-by-month')}
      </>
    );
  },
});
