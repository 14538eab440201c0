import { table } from '../table-model';
import { headers, tableTitles } from '../views/labels';
import { definePage } from './page';

type Data = Awaited<ReturnType<import('../../../services').Services['scopedLeaderboard']>>;

export const contestPage = definePage<Data>({
  nav: 'quizzes',
  needsId: true,
  load: (r) => r.services.scopedLeaderboard({ viewer: r.viewer, contestId: r.id ?? 0, unitId: r.unitId }, r.actor),
  title: (d) => d.title,
  tables: (d) => [
    table({
      id: 'leaderboard',
      title: tableTitles.leaderboard,
      rows: d.rows,
      columns: [
        { header: headers.rank, format: 'number', value: (r) => r.rank },
        { header: headers.fullName, value: (r) => r.fullName },
        { header: headers.unit, value: (r) => r.unitName },
        { header: headers.score, value: (r) => `${r.correct} / ${r.total}` },
        { header: headers.duration, format: 'number', value: (r) => r.durationSeconds },
        { header: headers.prediction, format: 'number', value: (r) => r.prediction },
        { header: headers.attempts, format: 'number', value: (r) => r.attempts },
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <p>
        {headers.entrants}: {d.entrants}
      </p>
      {v.table('leaderboard')}
    </>
  ),
});
