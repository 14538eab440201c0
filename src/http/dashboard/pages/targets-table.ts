import { table } from '../table-model';
import { headers, metricNames, tableTitles } from '../views/labels';

type MeasuredTarget = Awaited<ReturnType<import('../../../services').Services['dashboardOverview']>>['targets'][number];

/** Whether a measured value reaches its target (feedback scores and percentages alike). */
export const targetMet = (actual: number | null, value: number) => (actual === null ? null : actual >= value);

/** Targets against what was measured, as the overview and the targets page both show them. */
export const targetsTable = (rows: MeasuredTarget[]) =>
  table({
    id: 'targets',
    title: tableTitles.targets,
    rows,
    columns: [
      { header: headers.target, value: (t) => t.label },
      { header: headers.document, value: (t) => t.documentLabel },
      { header: headers.metric, value: (t) => metricNames[t.metric] },
      { header: headers.setBy, value: (t) => t.unitName },
      { header: headers.targetValue, format: 'score', value: (t) => t.value },
      { header: headers.actual, format: 'score', value: (t) => t.actual },
      { header: headers.met, value: (t) => (targetMet(t.actual, t.value) === null ? null : targetMet(t.actual, t.value) ? headers.yes : headers.no) },
    ],
  });
