import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { loadAttempt } from './attempt-state';

/** Network and a slow tap should not cost an older member their answer. */
const graceMs = 3000;
/** An attempt started before the close may finish the question in hand, not run on for hours. */
const contestGraceMs = 10 * 60_000;

export interface AnswerFeedback {
  position: number;
  total: number;
  questionText: string;
  isCorrect: boolean;
  timedOut: boolean;
  /** True when this tap repeated an answer already recorded: nothing changed. */
  duplicate: boolean;
  /** Display positions (in this attempt's order) of the correct options, and of those chosen. */
  correctDisplayed: number[];
  chosenDisplayed: number[];
  options: string[];
  explanation: string;
  sectionPath: string | null;
  documentNumber: string | null;
  finished: boolean;
}

/**
 * Records the answer to the question at `position` (display indexes). One answer per
 * position: a double tap or a redelivered update counts once; a tap on an older
 * question is refused as stale and changes nothing.
 */
export async function answerQuestion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; attemptId: number; position: number; displayed: number[] };
}): Promise<AnswerFeedback> {
  const a = await loadAttempt(ctx, input.memberId, input.attemptId);
  const questionId = a.questionIds[input.position];
  const order = a.optionOrders[input.position];
  if (questionId === undefined || order === undefined) throw new ServiceError('question_stale');
  const [q] = await ctx.db.all<{ text: string; options: string; correct: string; explanation: string; section_path: string | null }>(sql`
    SELECT text, options, correct, explanation, section_path FROM quiz_questions WHERE id = ${questionId}`);
  const correct = JSON.parse(q!.correct) as number[];
  const feedback = (chosen: number[], isCorrect: boolean, timedOut: boolean, duplicate: boolean, finished: boolean): AnswerFeedback => ({
    position: input.position,
    total: a.questionIds.length,
    questionText: q!.text,
    isCorrect,
    timedOut,
    duplicate,
    correctDisplayed: order.flatMap((orig, shown) => (correct.includes(orig) ? [shown] : [])),
    chosenDisplayed: order.flatMap((orig, shown) => (chosen.includes(orig) ? [shown] : [])),
    options: order.map((i) => (JSON.parse(q!.options) as string[])[i]!),
    explanation: q!.explanation,
    sectionPath: q!.section_path,
    documentNumber: a.documentNumber,
    finished,
  });

  // Already answered (double tap, redelivery, second device): report the stored answer.
  const [stored] = await ctx.db.all<{ chosen: string; is_correct: number; timed_out: number }>(sql`
    SELECT chosen, is_correct, timed_out FROM quiz_answers WHERE attempt_id = ${a.id} AND position = ${input.position}`);
  if (stored) {
    return feedback(JSON.parse(stored.chosen) as number[], Boolean(stored.is_correct), Boolean(stored.timed_out), true, a.finishedAt !== null);
  }
  if (a.finishedAt !== null) throw new ServiceError('attempt_finished');
  if (a.contestId !== null) {
    const [c] = await ctx.db.all<{ closes_at: number }>(sql`SELECT closes_at FROM contests WHERE id = ${a.contestId}`);
    if (c && ctx.clock.now().getTime() > Number(c.closes_at) + contestGraceMs) throw new ServiceError('contest_closed');
  }
  if (input.position !== a.answered) throw new ServiceError('question_stale');
  if (input.displayed.length === 0 || input.displayed.some((d) => !Number.isInteger(d) || d < 0 || d >= order.length)) {
    throw new ServiceError('invalid_input', 'unknown option');
  }

  const now = ctx.clock.now().getTime();
  const timedOut = a.timeLimitSeconds !== null && a.shownAt !== null && now > a.shownAt + a.timeLimitSeconds * 1000 + graceMs;
  const chosen = timedOut ? [] : [...new Set(input.displayed.map((d) => order[d]!))].sort((x, y) => x - y);
  const isCorrect = !timedOut && chosen.length === correct.length && chosen.every((c) => correct.includes(c));
  const last = input.position === a.questionIds.length - 1;
  const [inserted] = await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, timed_out, answered_at)
      VALUES (${a.id}, ${input.position}, ${questionId}, ${JSON.stringify(chosen)}, ${isCorrect ? 1 : 0}, ${timedOut ? 1 : 0}, ${now})
      ON CONFLICT (attempt_id, position) DO NOTHING`),
    // The next question's timer starts when it is shown; the last answer closes the attempt.
    ctx.db.run(sql`
      UPDATE quiz_attempts SET shown_at = NULL,
        finished_at = CASE WHEN ${last ? 1 : 0} = 1 THEN coalesce(finished_at, ${now}) ELSE finished_at END,
        correct_count = CASE WHEN ${last ? 1 : 0} = 1
          THEN (SELECT count(*) FROM quiz_answers WHERE attempt_id = ${a.id} AND is_correct) ELSE correct_count END,
        awaiting_prediction = CASE WHEN ${last ? 1 : 0} = 1 AND contest_id IS NOT NULL
          AND (SELECT ask_prediction FROM contests WHERE id = contest_id) = 1 THEN 1 ELSE awaiting_prediction END
      WHERE id = ${a.id} AND (SELECT count(*) FROM quiz_answers WHERE attempt_id = ${a.id}) = ${input.position + 1}`),
  ]);
  if (inserted.rowsAffected === 0) {
    // A concurrent tap won the race: answer with what it stored.
    return answerQuestion({ ctx, input });
  }
  return feedback(chosen, isCorrect, timedOut, false, last);
}
