import type { QuizSetRow } from '../../../services/dashboard/quiz-report';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import { table } from '../table-model';
import { BarChart } from '../views/bar-chart';
import { charts, headers, nav, tableTitles } from '../views/labels';
import { definePage } from './page';
import { UnitCrumbs } from './unit-crumbs';

type Report = Awaited<ReturnType<import('../../../services').Services['quizReport']>>;
type Data = Report & { viewer: DashboardViewer };

export const quizzesPage = definePage<Data>({
  nav: 'quizzes',
  load: async (r) => ({ ...(await r.services.quizReport({ viewer: r.viewer, unitId: r.unitId }, r.actor)), viewer: r.viewer }),
  title: (d) => `${nav.quizzes}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => {
    const unit = d.unit ? `&unit=${d.unit.id}` : '';
    return [
      table<QuizSetRow>({
        id: 'quiz-sets',
        title: tableTitles.quizSets,
        rows: d.sets,
        columns: [
          { header: headers.quizSet, value: (s) => s.title, link: (s) => `/dashboard/quiz-set?id=${s.setId}${unit}` },
          { header: headers.participants, format: 'number', value: (s) => s.participants },
          { header: headers.attempts, format: 'number', value: (s) => s.attempts },
          { header: headers.averageScore, format: 'score', value: (s) => s.averagePercent },
          { header: headers.passed, format: 'number', value: (s) => s.passedMembers },
        ],
      }),
      table({
        id: 'contests',
        title: tableTitles.contests,
        rows: d.contests,
        columns: [
          { header: headers.contest, value: (c) => c.title, link: (c) => `/dashboard/contest?id=${c.contestId}${unit}` },
          { header: headers.opens, format: 'date', value: (c) => c.opensAt },
          { header: headers.closes, format: 'date', value: (c) => c.closesAt },
          { header: headers.entrants, format: 'number', value: (c) => c.entrants },
        ],
      }),
    ];
  },
  body: (d, v) => (
    <>
      <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/quizzes" />
      <BarChart
        id="score-by-set"
        title={charts.scoreBySet}
        max={100}
        format="score"
        bars={d.sets.map((s) => ({ label: s.title, value: s.averagePercent }))}
      />
      {v.table('quiz-sets')}
      {v.table('contests')}
    </>
  ),
});
