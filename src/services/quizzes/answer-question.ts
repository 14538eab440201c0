import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

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
  // One read for the attempt, the question at `position` and any answer already stored there:
  // this runs on every tap, and each statement costs a prepare.
  const at = Number.isInteger(input.position) && input.position >= 0 ? input.position : 0;
  const [row] = await ctx.db.all<{
    id: number;
    contest_id: number | null;
    question_ids: string;
    option_orders: string;
    shown_at: number | null;
    finished_at: number | null;
    answered: number;
    time_limit_seconds: number | null;
    document_number: string | null;
    text: string | null;
    options: string | null;
    correct: string | null;
    explanation: string | null;
    section_path: string | null;
    chosen: string | null;
    is_correct: number | null;
    timed_out: number | null;
    closes_at: number | null;
  }>(sql`
    SELECT a.id, a.contest_id, a.question_ids, a.option_orders, a.shown_at, a.finished_at,
      (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id) AS answered,
      s.time_limit_seconds, coalesce(d.number, s.document_number) AS document_number,
      q.text, q.options, q.correct, q.explanation, q.section_path,
      qa.chosen, qa.is_correct, qa.timed_out, c.closes_at
    FROM quiz_attempts a JOIN quiz_sets s ON s.id = a.set_id LEFT JOIN documents d ON d.id = s.document_id
      LEFT JOIN quiz_questions q ON q.id = json_extract(a.question_ids, ${`$[${at}]`})
      LEFT JOIN quiz_answers qa ON qa.attempt_id = a.id AND qa.position = ${at}
      LEFT JOIN contests c ON c.id = a.contest_id
    WHERE a.id = ${input.attemptId} AND a.member_id = ${input.memberId}`);
  if (!row) throw new ServiceError('not_found', 'attempt not found');
  const a = {
    id: row.id,
    contestId: row.contest_id,
    questionIds: JSON.parse(row.question_ids) as number[],
    optionOrders: JSON.parse(row.option_orders) as number[][],
    shownAt: row.shown_at === null ? null : Number(row.shown_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    answered: Number(row.answered),
    timeLimitSeconds: row.time_limit_seconds,
    documentNumber: row.document_number,
  };
  const questionId = a.questionIds[input.position];
  const order = a.optionOrders[input.position];
  if (questionId === undefined || order === undefined || row.text === null) throw new ServiceError('question_stale');
  const q = { text: row.text, options: JSON.parse(row.options!) as string[], correct: row.correct!, explanation: row.explanation!, section_path: row.section_path };
  const correct = JSON.parse(q.correct) as number[];
  const feedback = (chosen: number[], isCorrect: boolean, timedOut: boolean, duplicate: boolean, finished: boolean): AnswerFeedback => ({
    position: input.position,
    total: a.questionIds.length,
    questionText: q.text,
    isCorrect,
    timedOut,
    duplicate,
    correctDisplayed: order.flatMap((orig, shown) => (correct.includes(orig) ? [shown] : [])),
    chosenDisplayed: order.flatMap((orig, shown) => (chosen.includes(orig) ? [shown] : [])),
    options: order.map((i) => q.options[i]!),
    explanation: q.explanation,
    sectionPath: q.section_path,
    documentNumber: a.documentNumber,
    finished,
  });

  // Already answered (double tap, redelivery, second device): report the stored answer.
  if (row.chosen !== null) {
    return feedback(JSON.parse(row.chosen) as number[], Boolean(row.is_correct), Boolean(row.timed_out), true, a.finishedAt !== null);
  }
  if (a.finishedAt !== null) throw new ServiceError('attempt_finished');
  if (row.closes_at !== null && ctx.clock.now().getTime() > Number(row.closes_at) + contestGraceMs) throw new ServiceError('contest_closed');
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
