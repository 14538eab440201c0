import { pageText } from './labels';
import type { MemberRoutes } from './link-request';
import { SummaryPage } from './summary-view';

/** A document's approved summary (openMemberDocument records "opened") and "Tôi đã học" (confirmStudy). */
export function summaryRoutes({ app, services, withLink, pages }: MemberRoutes) {
  pages.summary = async (c, { link, base, actor }) => {
    const document = await services.openMemberDocument({ memberId: link.memberId, documentId: link.targetId }, actor);
    const done = c.req.query('done') === 'study' ? pageText.studySaved : undefined;
    return c.html(<SummaryPage base={base} formToken={link.formToken} name={link.fullName} document={document} done={done} />);
  };

  app.post(
    '/:token/confirm',
    withLink(['summary'], async (c, { link, base, actor }) => {
      await services.confirmStudy({ memberId: link.memberId, documentId: link.targetId }, actor);
      return c.redirect(`${base}?done=study`, 303);
    }),
  );
}
