import type { MemberDocumentView } from '../../services/documents/read-member-document';
import { documentKindNames } from '../../locales/vi-names';
import { pageText } from './labels';
import { MemberPage, PageForm } from './layout';

/** The approved summary with the section each line comes from, and the "Tôi đã học" confirmation. */
export function SummaryPage(props: { base: string; formToken: string; name: string; document: MemberDocumentView; done?: string }) {
  const d = props.document;
  const heading = [documentKindNames[d.kind], d.number ? pageText.documentNumber(d.number) : null].filter(Boolean).join(' ');
  return (
    <MemberPage title={pageText.summaryTitle}>
      <p>{pageText.hello(props.name)}</p>
      {props.done && <p class="ok">{props.done}</p>}
      <h2>{heading}</h2>
      {d.title && <p>{d.title}</p>}
      {d.summary ? (
        <ul class="summary">
          {d.summary.map((line) => (
            <li>
              {line.text} <span class="ref">{pageText.sourceRef(line.section)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="notice">{pageText.noSummary}</p>
      )}
      {d.mainSections.length > 0 && (
        <>
          <h2>{pageText.mainSections}</h2>
          <ul class="summary">
            {d.mainSections.map((s) => (
              <li>{s.heading}</li>
            ))}
          </ul>
        </>
      )}
      {d.confirmed ? (
        <p class="ok">{pageText.studyConfirmed}</p>
      ) : (
        <PageForm action={`${props.base}/confirm`} formToken={props.formToken}>
          <button type="submit" class="primary">
            {pageText.confirmStudy}
          </button>
        </PageForm>
      )}
    </MemberPage>
  );
}
