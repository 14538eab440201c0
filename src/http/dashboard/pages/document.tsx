import { definePage } from './page';
import { summaryReview } from '../views/labels';

type Data = Awaited<ReturnType<import('../../../services').Services['documentSummariesForReview']>>;

export const documentPage = definePage<Data>({
  nav: 'documents',
  needsId: true,
  load: (r) => r.services.documentSummariesForReview({ viewer: r.viewer, documentId: r.id ?? 0 }, r.actor),
  title: (d) => `${summaryReview.heading}: ${d.label}`,
  tables: () => [],
  body: (d, v) => (
    <>
      {d.title ? <p>{d.title}</p> : null}
      {d.canApprove && d.summaries.some((s) => s.status === 'draft') ? (
        <form method="post" action={`/dashboard/document/approve?id=${d.id}`} class="inline">
          <input type="hidden" name="_csrf" value={v.csrf} />
          <button type="submit" class="primary">
            {summaryReview.approveAll}
          </button>
        </form>
      ) : null}
      {d.summaries.map((s) => (
        <section class="summary" data-summary={s.scope}>
          <h2>{s.heading}</h2>
          <p class={s.status === 'draft' ? 'bad' : 'good'}>{s.status === 'draft' ? summaryReview.draft : summaryReview.approved}</p>
          <ul>
            {s.lines.map((l) => (
              <li>
                {l.text}{' '}
                <span class="tag">
                  ({summaryReview.section} {l.section}; {l.verbatim ? summaryReview.verbatim : summaryReview.reworded})
                </span>
              </li>
            ))}
          </ul>
          {d.canApprove && s.status === 'draft' ? (
            <form method="post" action={`/dashboard/document/approve?id=${d.id}`}>
              <input type="hidden" name="_csrf" value={v.csrf} />
              <input type="hidden" name="scope" value={s.scope} />
              <button type="submit">{summaryReview.approve}</button>
            </form>
          ) : null}
        </section>
      ))}
    </>
  ),
});
