import { meetingKindNames } from '../../../locales/vi-meetings';
import type { MatrixRow } from '../../../services/dashboard/compliance-matrix';
import type { MeetingListRow } from '../../../services/dashboard/meeting-list';
import { monthLabel } from '../../../services/dashboard/periods';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import { table } from '../table-model';
import { headers, nav, ratingNames, tableTitles } from '../views/labels';
import { definePage } from './page';
import { UnitCrumbs } from './unit-crumbs';

type Matrix = Awaited<ReturnType<import('../../../services').Services['complianceMatrix']>>;
type Data = Matrix & { list: MeetingListRow[]; viewer: DashboardViewer };

export const meetingsPage = definePage<Data>({
  nav: 'meetings',
  load: async (r) => {
    const matrix = await r.services.complianceMatrix({ viewer: r.viewer, unitId: r.unitId, rules: r.rules }, r.actor);
    const list = await r.services.meetingList({ viewer: r.viewer, unitId: r.unitId }, r.actor);
    return { ...matrix, list: list.rows, viewer: r.viewer };
  },
  title: (d) => `${nav.meetings}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    table<MatrixRow>({
      id: 'compliance',
      title: tableTitles.compliance,
      rows: d.rows,
      columns: [
        { header: headers.unit, value: (u) => u.name, link: (u) => `/dashboard/meetings?unit=${u.unitId}` },
        ...d.months.map((month, k) => ({
          header: monthLabel(month),
          value: (u: MatrixRow) => {
            const cell = u.cells[k];
            // Spaced, so a spreadsheet opening the CSV does not read "1/1" as a date.
            return !cell || cell.due === 0 ? null : `${cell.held} / ${cell.due}`;
          },
        })),
      ],
    }),
    table<MeetingListRow>({
      id: 'meetings',
      title: tableTitles.meetings,
      rows: d.list,
      columns: [
        { header: headers.startsAt, format: 'date', value: (m) => m.startsAt, link: (m) => `/dashboard/meeting?id=${m.meetingId}` },
        { header: headers.unit, value: (m) => m.unitName },
        { header: headers.kind, value: (m) => meetingKindNames[m.kind] },
        { header: headers.invitees, format: 'number', value: (m) => m.invitees },
        { header: headers.attending, format: 'number', value: (m) => m.attending },
        { header: headers.excused, format: 'number', value: (m) => m.excused },
        { header: headers.present, format: 'number', value: (m) => m.present },
        { header: headers.absent, format: 'number', value: (m) => m.absent },
        { header: headers.feedback, format: 'score', value: (m) => m.feedbackAverage },
        { header: headers.rating, value: (m) => (m.rating ? (ratingNames[m.rating] ?? m.rating) : null) },
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/meetings" />
      {v.table('compliance')}
      {v.table('meetings')}
    </>
  ),
});
