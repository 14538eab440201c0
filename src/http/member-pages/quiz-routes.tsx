import { z } from 'zod';
import { isServiceError } from '../../services/errors';
import { formText, type MemberRoutes } from './link-request';
import { AnswerPage, type QuizIntro, QuestionPage, QuizIntroPage, ResultPage } from './quiz-views';

const attemptParam = z.coerce.number().int().positive();
const answerForm = z.object({
  position: z.coerce.number().int().min(0).max(1000),
  displayed: z.array(z.coerce.number().int().min(0).max(50)).min(1).max(50),
});

/**
 * A quiz set or contest, one question per page through the bot's services: startAttempt,
 * showQuestion, answerQuestion (one answer per position, so a double submit or a resent
 * form counts once), attemptResult.
 */
export function quizRoutes({ app, services, withLink, pages }: MemberRoutes) {
  const quizPurposes = ['quiz', 'contest'] as const;
  /** The attempt in the address, refused unless it is the link member's attempt at the link's own quiz. */
  const attemptOfLink = async (param: string | undefined, link: { memberId: number; purpose: string; targetId: number }, actor: string) => {
    const attemptId = attemptParam.parse(param);
    const purpose = link.purpose === 'contest' ? 'contest' : 'quiz';
    await services.assertAttemptOfLink({ memberId: link.memberId, attemptId, purpose, targetId: link.targetId }, actor);
    return attemptId;
  };

  pages.quiz = pages.contest = async (c, { link, base }) => {
    const open = await services.listOpenQuizzes({ memberId: link.memberId }, `web:${link.memberId}`);
    let quiz: QuizIntro | null = null;
    if (link.purpose === 'quiz') {
      const q = open.quizzes.find((x) => x.setId === link.targetId);
      if (q) quiz = { title: q.title, questions: q.questions, timeLimitSeconds: q.timeLimitSeconds, unfinished: q.unfinishedAttemptId !== null };
    } else {
      const q = open.contests.find((x) => x.contestId === link.targetId);
      if (q) quiz = { title: q.title, closesAt: q.closesAt, attempts: { used: q.attemptsUsed, allowed: q.attemptsAllowed }, unfinished: q.unfinishedAttemptId !== null };
    }
    return c.html(<QuizIntroPage base={base} formToken={link.formToken} name={link.fullName} quiz={quiz} />);
  };

  // Starting (or resuming) is a post, so a link preview that fetches the page starts nothing.
  app.post(
    '/:token/start',
    withLink([...quizPurposes], async (c, { link, base, actor }) => {
      const target = link.purpose === 'quiz' ? { setId: link.targetId } : { contestId: link.targetId };
      const { attemptId } = await services.startAttempt({ memberId: link.memberId, ...target }, actor);
      return c.redirect(`${base}/a/${attemptId}`, 303);
    }),
  );

  app.get(
    '/:token/a/:attempt',
    withLink([...quizPurposes], async (c, { link, base, actor }) => {
      const attemptId = await attemptOfLink(c.req.param('attempt'), link, actor);
      try {
        const question = await services.showQuestion({ memberId: link.memberId, attemptId }, actor);
        return c.html(<QuestionPage action={`${base}/a/${attemptId}/answer`} formToken={link.formToken} question={question} />);
      } catch (error) {
        if (!isServiceError(error, 'attempt_finished')) throw error;
        const result = await services.attemptResult({ memberId: link.memberId, attemptId }, actor);
        return c.html(<ResultPage result={result} back={base} />);
      }
    }),
  );

  app.post(
    '/:token/a/:attempt/answer',
    withLink([...quizPurposes], async (c, { link, base, form, actor }) => {
      const attemptId = await attemptOfLink(c.req.param('attempt'), link, actor);
      const option = form.option;
      const { position, displayed } = answerForm.parse({
        position: formText(form, 'position'),
        displayed: option === undefined ? [] : Array.isArray(option) ? option : [option],
      });
      const answer = await services.answerQuestion({ memberId: link.memberId, attemptId, position, displayed }, actor);
      // Post/redirect/get: "back" and reload land on a plain page, never on "resubmit the form?".
      return c.redirect(`${base}/a/${attemptId}/answer/${position}${answer.duplicate ? '?again=1' : ''}`, 303);
    }),
  );

  app.get(
    '/:token/a/:attempt/answer/:position',
    withLink([...quizPurposes], async (c, { link, base, actor }) => {
      const attemptId = await attemptOfLink(c.req.param('attempt'), link, actor);
      const position = answerForm.shape.position.parse(c.req.param('position'));
      // With no option chosen answerQuestion only reads: it reports the stored answer, or refuses.
      const answer = await services.answerQuestion({ memberId: link.memberId, attemptId, position, displayed: [] }, actor);
      return c.html(<AnswerPage next={`${base}/a/${attemptId}`} answer={{ ...answer, duplicate: c.req.query('again') === '1' }} />);
    }),
  );
}
