import { Composer, InlineKeyboard } from 'grammy';
import { ServiceError } from '../../../src/services/errors';
import type { AnswerFeedback } from '../../../src/services/quizzes/answer-question';
import { formatDateTime } from '../../../src/time';
import {
  answerPattern,
  callbackData,
  contestStartPattern,
  leaderboardPattern,
  nextQuestionPattern,
  quizStartPattern,
  resultPattern,
  submitPattern,
  togglePattern,
} from '../callback-data';
import type { BotContext } from '../context';
import { quiz } from '../locales/vi';
import { showScreen, splitMessage } from '../show-screen';

function requireMember(ctx: BotContext) {
  if (!ctx.member) throw new ServiceError('not_linked');
  return ctx.member;
}

const letters = (indexes: number[]) => indexes.map(quiz.letter).join(', ');
const indexesOf = (mask: number, count: number) => Array.from({ length: count }, (_, i) => i).filter((i) => mask & (1 << i));

/** Shows the attempt's current question; `expectedPosition` refuses a tap meant for another one. */
async function sendQuestion(ctx: BotContext, attemptId: number, mask = 0, expectedPosition?: number) {
  const member = requireMember(ctx);
  const q = await ctx.services.showQuestion({ memberId: member.memberId, attemptId }, ctx.actor);
  if (expectedPosition !== undefined && q.position !== expectedPosition) throw new ServiceError('question_stale');
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  if (q.multiple) {
    q.options.forEach((_, i) => {
      const on = (mask & (1 << i)) !== 0;
      keyboard.text(`${on ? '☑' : '☐'} ${quiz.letter(i)}`, callbackData.toggle(attemptId, q.position, mask ^ (1 << i)));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row().text(quiz.confirmChoice, callbackData.submit(attemptId, q.position, mask));
  } else {
    q.options.forEach((_, i) => {
      keyboard.text(quiz.letter(i), callbackData.answer(attemptId, q.position, i));
    });
  }
  const text = quiz.question({ ...q, deadline: q.deadline ? formatDateTime(q.deadline).split(' ')[0]! : null });
  await showScreen(ctx, text, keyboard);
}

function feedbackText(f: AnswerFeedback) {
  const verdict = f.isCorrect ? quiz.correct : f.timedOut ? quiz.timedOut(letters(f.correctDisplayed)) : quiz.wrong(letters(f.correctDisplayed));
  const lines = [
    quiz.answeredQuestion(f.position, f.total, f.questionText),
    f.options.map((o, i) => `${quiz.letter(i)}. ${o}`).join('\n'),
    verdict + (!f.isCorrect && f.chosenDisplayed.length > 0 ? ` ${quiz.yourChoice(letters(f.chosenDisplayed))}` : ''),
    quiz.explanation(f.explanation),
    quiz.source(f.documentNumber, f.sectionPath),
  ];
  return lines.join('\n\n');
}

async function answer(ctx: BotContext, attemptId: number, position: number, displayed: number[]) {
  const member = requireMember(ctx);
  const f = await ctx.services.answerQuestion({ memberId: member.memberId, attemptId, position, displayed }, ctx.actor);
  await ctx.answerCallbackQuery(f.duplicate ? { text: quiz.alreadyAnswered } : undefined);
  if (f.duplicate) return;
  const keyboard = new InlineKeyboard().text(f.finished ? quiz.seeResult : quiz.next, f.finished ? callbackData.result(attemptId) : callbackData.nextQuestion(attemptId));
  await showScreen(ctx, splitMessage(feedbackText(f))[0]!, keyboard);
}

async function sendResult(ctx: BotContext, attemptId: number) {
  const member = requireMember(ctx);
  const r = await ctx.services.attemptResult({ memberId: member.memberId, attemptId }, ctx.actor);
  for (const chunk of splitMessage(quiz.resultReport(r))) await ctx.reply(chunk);
  if (r.awaitingPrediction) await ctx.reply(quiz.predictionAsk);
}

/** /quiz, answering with buttons, results; contests with a prediction tie-break; /xephang. */
export function quizzesFeature() {
  const feature = new Composer<BotContext>();

  feature.command('quiz', async (ctx) => {
    const member = requireMember(ctx);
    const open = await ctx.services.listOpenQuizzes({ memberId: member.memberId }, ctx.actor);
    if (open.quizzes.length === 0 && open.contests.length === 0) {
      await ctx.reply(quiz.menuEmpty);
      return;
    }
    const keyboard = new InlineKeyboard();
    const lines: string[] = [];
    for (const c of open.contests) {
      lines.push(quiz.contestLine({ title: c.title, closesAt: formatDateTime(c.closesAt), used: c.attemptsUsed, allowed: c.attemptsAllowed }));
      keyboard.text(quiz.contestButton(c.title, c.unfinishedAttemptId !== null), callbackData.contestStart(c.contestId)).row();
    }
    for (const q of open.quizzes) {
      lines.push(quiz.quizLine(q));
      keyboard.text(quiz.quizButton(q.title, q.unfinishedAttemptId !== null), callbackData.quizStart(q.setId)).row();
    }
    await ctx.reply(`${quiz.menuHeader}\n\n${lines.join('\n')}`, { reply_markup: keyboard });
  });

  feature.callbackQuery(quizStartPattern, async (ctx) => {
    const member = requireMember(ctx);
    const { attemptId } = await ctx.services.startAttempt({ memberId: member.memberId, setId: Number(ctx.match[1]) }, ctx.actor);
    await sendQuestion(ctx, attemptId);
  });

  feature.callbackQuery(contestStartPattern, async (ctx) => {
    const member = requireMember(ctx);
    const { attemptId } = await ctx.services.startAttempt({ memberId: member.memberId, contestId: Number(ctx.match[1]) }, ctx.actor);
    await sendQuestion(ctx, attemptId);
  });

  feature.callbackQuery(answerPattern, (ctx) => answer(ctx, Number(ctx.match[1]), Number(ctx.match[2]), [Number(ctx.match[3])]));

  feature.callbackQuery(togglePattern, async (ctx) => {
    // Re-renders the same question with the new selection; a toggle on a question
    // already answered is refused as stale.
    await sendQuestion(ctx, Number(ctx.match[1]), Number(ctx.match[3]) & 0xff, Number(ctx.match[2]));
  });

  feature.callbackQuery(submitPattern, async (ctx) => {
    const chosen = indexesOf(Number(ctx.match[3]), 8);
    if (chosen.length === 0) {
      await ctx.answerCallbackQuery({ text: quiz.pickAtLeastOne, show_alert: true });
      return;
    }
    await answer(ctx, Number(ctx.match[1]), Number(ctx.match[2]), chosen);
  });

  feature.callbackQuery(nextQuestionPattern, (ctx) => sendQuestion(ctx, Number(ctx.match[1])));

  feature.callbackQuery(resultPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendResult(ctx, Number(ctx.match[1]));
  });

  feature.command('xephang', async (ctx) => {
    const member = requireMember(ctx);
    const open = await ctx.services.listOpenQuizzes({ memberId: member.memberId }, ctx.actor);
    if (open.contests.length === 0) {
      await ctx.reply(quiz.noContests);
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const c of open.contests) keyboard.text(quiz.leaderboardButton(c.title), callbackData.leaderboard(c.contestId)).row();
    await ctx.reply(quiz.menuHeader, { reply_markup: keyboard });
  });

  feature.callbackQuery(leaderboardPattern, async (ctx) => {
    const member = requireMember(ctx);
    const contestId = Number(ctx.match[1]);
    // Only contests the member may enter, and only entrants of the member's own unit (data scope).
    const open = await ctx.services.listOpenQuizzes({ memberId: member.memberId }, ctx.actor);
    if (!open.contests.some((c) => c.contestId === contestId)) throw new ServiceError('not_found');
    const board = await ctx.services.contestLeaderboard({ contestId, unitCode: member.unitCode, limit: 20 }, ctx.actor);
    const lines = board.rows.map((r) =>
      quiz.leaderboardLine({ rank: r.rank, name: r.fullName, unit: r.unitName, correct: r.correct, total: r.total, minutes: Math.floor(r.durationSeconds / 60), seconds: r.durationSeconds % 60 }),
    );
    await ctx.answerCallbackQuery();
    await ctx.reply(splitMessage(`${quiz.leaderboardHeader(board.title, member.unitName, board.entrants, board.perfectEntrants)}\n\n${lines.join('\n')}`)[0]!);
  });

  // A bare number right after a contest that asks for a prediction is the prediction.
  feature.on('message:text').filter(
    (ctx) => ctx.member !== null && /^\s*\d[\d.\s]*$/.test(ctx.message.text),
    async (ctx, next) => {
      const member = requireMember(ctx);
      if (!(await ctx.services.hasPendingPrediction({ memberId: member.memberId }, ctx.actor))) return next();
      const value = Number(ctx.message.text.replace(/[.\s]/g, ''));
      if (!Number.isSafeInteger(value)) {
        await ctx.reply(quiz.predictionInvalid);
        return;
      }
      await ctx.services.submitPrediction({ memberId: member.memberId, value }, ctx.actor);
      await ctx.reply(quiz.predictionSaved(value));
    },
  );

  return feature;
}
