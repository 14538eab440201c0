import { documentKindNames } from '../../../locales/vi-names';
import type { DocumentColumn } from '../../../services/dashboard/document-report';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import type { DocumentKind } from '../../../db/schema';
import { percentOrNull } from '../views/format';
import { table } from '../table-model';
import { BarChart } from '../views/bar-chart';
import { charts, headers, nav, tableTitles } from '../views/labels';
import { definePage } from './page';
import { UnitCrumbs } from './unit-crumbs';

type Report = Awaited<ReturnType<import('../../../services').Services['documentReport']>>;
type Data = Report & { viewer: DashboardViewer };

export const documentsPage = definePage<Data>({
  nav: 'documents',
  load: async (r) => ({ ...(await r.services.documentReport({ viewer: r.viewer, unitId: r.unitId }, r.actor)), viewer: r.viewer }),
  title: (d) => `${nav.documents}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    table<DocumentColumn>({
      id: 'documents',
      title: tableTitles.documentList,
      rows: d.documents,
      columns: [
        { header: headers.document, value: (x) => x.label, link: (x) => `/dashboard/document?id=${x.documentId}` },
        { header: headers.kind, value: (x) => documentKindNames[x.kind as DocumentKind] ?? x.kind },
        { header: headers.title, value: (x) => x.title },
        { header: headers.drafts, format: 'number', value: (x) => x.draftSummaries },
        { header: headers.due, format: 'number', value: (x) => x.due },
        { header: headers.confirmed, format: 'number', value: (x) => x.confirmed },
        { header: headers.coverage, format: 'percent', value: (x) => percentOrNull(x.confirmed, x.due) },
      ],
    }),
    table<Report['rows'][number]>({
      id: 'coverage',
      title: tableTitles.coverage,
      rows: d.rows,
      columns: [
        { header: headers.unit, value: (u) => u.name, link: (u) => (u.hasChildren ? `/dashboard/documents?unit=${u.unitId}` : undefined) },
        ...d.documents.map((doc, k) => ({
          header: doc.label,
          format: 'percent' as const,
          value: (u: Report['rows'][number]) => percentOrNull(u.cells[k]?.confirmed ?? 0, u.cells[k]?.due ?? 0),
        })),
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/documents" />
      {d.documents.length > 0 ? (
        <BarChart
          id="study-by-document"
          title={charts.studyByDocument}
          max={1}
          format="percent"
          bars={d.documents.map((x) => ({ label: x.label, value: percentOrNull(x.confirmed, x.due) }))}
        />
      ) : null}
      {v.table('documents')}
      {v.table('coverage')}
    </>
  ),
});
