import type { AnswerFeedback } from '../../../src/services/quizzes/answer-question';
import { formatDateTime } from '../../../src/time';
import { callbackData } from '../../telegram/callback-data';
import { quiz, zalo } from '../locales/vi';
import { numberedLines } from '../text';
import { promptKinds, type Turn } from '../turn';
import { requireMember } from './require-member';

const numbers = (indexes: number[]) => indexes.map((i) => String(i + 1)).join(', ');

/** Open quizzes and contests, started (or resumed) by number. */
export async function listQuizzes(turn: Turn) {
  const member = requireMember(turn);
  const open = await turn.services.listOpenQuizzes({ memberId: member.memberId }, turn.actor);
  if (open.quizzes.length === 0 && open.contests.length === 0) return turn.reply(quiz.menuEmpty);
  const lines = [
    ...open.contests.map((c) => quiz.contestLine({ title: c.title, closesAt: formatDateTime(c.closesAt), used: c.attemptsUsed, allowed: c.attemptsAllowed })),
    ...open.quizzes.map((q) => quiz.quizLine(q)),
  ];
  await turn.offer(`${quiz.menuHeader}\n\n${lines.join('\n')}`, [
    ...open.contests.map((c) => ({ label: zalo.contestStartChoice(c.title, c.unfinishedAttemptId !== null), action: callbackData.contestStart(c.contestId) })),
    ...open.quizzes.map((q) => ({ label: zalo.quizStartChoice(q.title, q.unfinishedAttemptId !== null), action: callbackData.quizStart(q.setId) })),
  ]);
}

export async function startQuiz(turn: Turn, from: { setId: number } | { contestId: number }) {
  const member = requireMember(turn);
  const { attemptId } = await turn.services.startAttempt({ memberId: member.memberId, ...from }, turn.actor);
  await sendQuestion(turn, attemptId);
}

/** The current question with numbered options; the numbers map to this attempt and position only. */
export async function sendQuestion(turn: Turn, attemptId: number) {
  const member = requireMember(turn);
  const q = await turn.services.showQuestion({ memberId: member.memberId, attemptId }, turn.actor);
  const text = await turn.withPageLink(
    zalo.quizQuestion({ ...q, deadline: q.deadline ? formatDateTime(q.deadline).split(' ')[0]! : null }),
    { kind: 'quiz', attemptId },
  );
  if (q.multiple) await turn.setPrompt(promptKinds.quizMulti, { attemptId, position: q.position, count: q.options.length });
  else await turn.setPrompt(promptKinds.choices, { actions: q.options.map((_, i) => callbackData.answer(attemptId, q.position, i)) });
  await turn.reply(text);
}

function feedbackText(f: AnswerFeedback) {
  const verdict = f.isCorrect ? quiz.correct : f.timedOut ? quiz.timedOut(numbers(f.correctDisplayed)) : quiz.wrong(numbers(f.correctDisplayed));
  return [
    quiz.answeredQuestion(f.position, f.total, f.questionText),
    numberedLines(f.options),
    verdict + (!f.isCorrect && f.chosenDisplayed.length > 0 ? ` ${quiz.yourChoice(numbers(f.chosenDisplayed))}` : ''),
    quiz.explanation(f.explanation),
    quiz.source(f.documentNumber, f.sectionPath),
  ].join('\n\n');
}

/** Records the answer, explains it, then goes straight on to the next question or the result. */
export async function answerQuiz(turn: Turn, attemptId: number, position: number, displayed: number[]) {
  const member = requireMember(turn);
  const f = await turn.services.answerQuestion({ memberId: member.memberId, attemptId, position, displayed }, turn.actor);
  if (f.duplicate) return turn.reply(quiz.alreadyAnswered);
  await turn.reply(feedbackText(f));
  if (f.finished) return sendResult(turn, attemptId);
  await sendQuestion(turn, attemptId);
}

/** "1, 3" for a question with several right answers. */
export async function answerMultiple(turn: Turn, data: Record<string, unknown>, chosen: number[] | null) {
  const count = Number(data.count);
  if (!chosen || chosen.some((n) => n < 1 || n > count)) return turn.reply(zalo.chooseSeveral(count));
  await answerQuiz(turn, Number(data.attemptId), Number(data.position), chosen.map((n) => n - 1));
}

export async function sendResult(turn: Turn, attemptId: number) {
  const member = requireMember(turn);
  const r = await turn.services.attemptResult({ memberId: member.memberId, attemptId }, turn.actor);
  if (r.awaitingPrediction) await turn.setPrompt(promptKinds.prediction, { attemptId });
  else await turn.clearPrompt();
  await turn.reply(quiz.resultReport(r));
  if (r.awaitingPrediction) await turn.reply(quiz.predictionAsk);
}

export async function submitPrediction(turn: Turn, text: string) {
  const member = requireMember(turn);
  const value = Number(text.replace(/[.\s]/g, ''));
  if (!/^\s*\d[\d.\s]*$/.test(text) || !Number.isSafeInteger(value)) return turn.reply(quiz.predictionInvalid);
  try {
    await turn.services.submitPrediction({ memberId: member.memberId, value }, turn.actor);
  } finally {
    await turn.clearPrompt();
  }
  await turn.reply(quiz.predictionSaved(value));
}

