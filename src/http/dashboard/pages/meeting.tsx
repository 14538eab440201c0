import { attendanceNames, meetingKindNames } from '../../../locales/vi-meetings';
import { formatDateTime } from '../../../time';
import { table } from '../table-model';
import { BarChart } from '../views/bar-chart';
import { formatCell } from '../views/format';
import { charts, headers, ratingNames, replyNames, tableTitles } from '../views/labels';
import { definePage } from './page';

type Data = Awaited<ReturnType<import('../../../services').Services['meetingReport']>>;

export const meetingPage = definePage<Data>({
  nav: 'meetings',
  needsId: true,
  load: (r) => r.services.meetingReport({ viewer: r.viewer, meetingId: r.id ?? 0 }, r.actor),
  title: (d) => `${meetingKindNames[d.kind]} — ${d.unitName} — ${formatDateTime(d.startsAt)}`,
  tables: (d) => [
    table({
      id: 'people',
      title: tableTitles.people,
      rows: d.people,
      columns: [
        { header: headers.fullName, value: (p) => p.fullName },
        { header: headers.reply, value: (p) => (p.reply ? (replyNames[p.reply] ?? p.reply) : null) },
        { header: headers.attendanceState, value: (p) => (p.attendance ? attendanceNames[p.attendance] : null) },
      ],
    }),
    table({
      id: 'comments',
      title: tableTitles.comments,
      rows: d.feedback.comments,
      columns: [
        { header: headers.author, value: (c) => c.author },
        { header: headers.comment, value: (c) => c.text },
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <p>
        <a href={`/dashboard/meetings?unit=${d.unitId}`}>{d.unitName}</a> · {d.place}
      </p>
      <p>{d.agenda}</p>
      <div class="cards">
        <div class="card">
          <div class="value">{formatCell(d.attendanceRate, 'percent')}</div>
          <div class="label">{headers.attendance}</div>
        </div>
        <div class="card">
          <div class="value">{formatCell(d.feedback.average, 'score')}</div>
          <div class="label">
            {headers.feedback} ({d.feedback.count})
          </div>
        </div>
        <div class="card">
          <div class="value">{d.rating ? (ratingNames[d.rating] ?? d.rating) : '—'}</div>
          <div class="label">{headers.rating}</div>
          {d.ratingCriteria.length > 0 ? (
            <ul class="detail">
              {d.ratingCriteria.map((c) => (
                <li>
                  {c.met ? '✓' : '✗'} {c.label}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <BarChart
        id="feedback-distribution"
        title={charts.feedbackDistribution}
        max={Math.max(1, ...d.feedback.distribution)}
        format="score"
        bars={d.feedback.distribution.map((n, i) => ({ label: `${i + 1}`, value: n }))}
      />
      {v.table('people')}
      {v.table('comments')}
    </>
  ),
});
