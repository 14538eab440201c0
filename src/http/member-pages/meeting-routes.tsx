import { z } from 'zod';
import { errorPage } from './error-page';
import { errorTexts, pageText } from './labels';
import { formText, type LinkHandler, type MemberRoutes } from './link-request';
import { CheckInPage, FeedbackPage, ReplyPage } from './meeting-views';

/** Confirmations after a post, named in the redirect (post/redirect/get: a reload posts nothing again). */
const doneTexts = { reply: pageText.replySaved, 'check-in': pageText.checkedIn, feedback: pageText.feedbackSaved } as const;
const doneOf = (value: string | undefined) => (value && Object.hasOwn(doneTexts, value) ? doneTexts[value as keyof typeof doneTexts] : undefined);

const replyForm = z.discriminatedUnion('reply', [
  z.object({ reply: z.literal('attending') }),
  z.object({ reply: z.literal('excused'), reason: z.string().trim().min(1).max(500) }),
]);
const feedbackForm = z.object({ score: z.coerce.number().int().min(1).max(5), comment: z.string().max(1000).optional() });
const commentForm = z.object({ comment: z.string().trim().min(1).max(1000) });

/** Reply to a meeting notice, check in, give feedback: replyToMeeting, checkIn, submitFeedback, addFeedbackComment. */
export function meetingRoutes({ app, services, withLink, pages }: MemberRoutes) {
  const meetingPage: LinkHandler = async (c, { link, base, actor }) => {
    const meeting = await services.getMemberMeeting({ memberId: link.memberId, meetingId: link.targetId }, actor);
    const props = { base, formToken: link.formToken, name: link.fullName, meeting, done: doneOf(c.req.query('done')) };
    if (link.purpose === 'meeting-reply') return c.html(<ReplyPage {...props} />);
    if (link.purpose === 'check-in') return c.html(<CheckInPage {...props} />);
    return c.html(<FeedbackPage {...props} started={services.now().getTime() >= meeting.startsAt.getTime()} />);
  };
  pages['meeting-reply'] = pages['check-in'] = pages.feedback = meetingPage;

  app.post(
    '/:token/reply',
    withLink(['meeting-reply'], async (c, { link, base, form, actor }) => {
      const parsed = replyForm.safeParse({ reply: formText(form, 'reply'), reason: formText(form, 'reason') });
      if (!parsed.success) return errorPage(c, 400, formText(form, 'reply') === 'excused' ? pageText.reasonNeeded : errorTexts.invalid, base);
      await services.replyToMeeting({ memberId: link.memberId, meetingId: link.targetId, ...parsed.data }, actor);
      return c.redirect(`${base}?done=reply`, 303);
    }),
  );

  app.post(
    '/:token/check-in',
    withLink(['check-in'], async (c, { link, base, actor }) => {
      await services.checkIn({ memberId: link.memberId, meetingId: link.targetId }, actor);
      return c.redirect(`${base}?done=check-in`, 303);
    }),
  );

  app.post(
    '/:token/feedback',
    withLink(['feedback'], async (c, { link, base, form, actor }) => {
      const parsed = feedbackForm.safeParse({ score: formText(form, 'score'), comment: formText(form, 'comment') });
      if (!parsed.success) return errorPage(c, 400, pageText.scoreNeeded, base);
      // An empty comment box keeps the comment already given.
      const comment = parsed.data.comment?.trim() ? parsed.data.comment : undefined;
      await services.submitFeedback({ memberId: link.memberId, meetingId: link.targetId, score: parsed.data.score, comment }, actor);
      return c.redirect(`${base}?done=feedback`, 303);
    }),
  );

  app.post(
    '/:token/comment',
    withLink(['feedback'], async (c, { link, base, form, actor }) => {
      const { comment } = commentForm.parse({ comment: formText(form, 'comment') });
      await services.addFeedbackComment({ memberId: link.memberId, meetingId: link.targetId, comment }, actor);
      return c.redirect(`${base}?done=feedback`, 303);
    }),
  );
}
