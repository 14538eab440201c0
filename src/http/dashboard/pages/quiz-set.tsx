import { table } from '../table-model';
import { headers, quizSetNotes, tableTitles } from '../views/labels';
import { definePage } from './page';

type Data = Awaited<ReturnType<import('../../../services').Services['scopedQuestionStats']>>;
const letters = ['A', 'B', 'C', 'D', 'E', 'F'];

export const quizSetPage = definePage<Data>({
  nav: 'quizzes',
  needsId: true,
  load: (r) => r.services.scopedQuestionStats({ viewer: r.viewer, setId: r.id ?? 0, unitId: r.unitId }, r.actor),
  title: (d) => d.title,
  tables: (d) => {
    const optionCount = Math.max(0, ...d.questions.map((q) => q.options.length));
    return [
      table({
        id: 'questions',
        title: tableTitles.questions,
        rows: d.questions,
        columns: [
          { header: headers.question, value: (q) => q.text },
          { header: headers.answers, format: 'number', value: (q) => q.answers },
          { header: headers.shareCorrect, format: 'percent', value: (q) => q.shareCorrect },
          ...Array.from({ length: optionCount }, (_, i) => ({
            header: headers.optionShare(letters[i] ?? String(i + 1)),
            format: 'percent' as const,
            value: (q: Data['questions'][number]) => q.optionShares[i] ?? null,
          })),
          { header: headers.discrimination, format: 'score', value: (q) => q.discrimination },
        ],
      }),
    ];
  },
  body: (d, v) => (
    <>
      {d.optionsHidden ? <p class="notice">{quizSetNotes.optionsHidden}</p> : null}
      {v.table('questions')}
    </>
  ),
});
