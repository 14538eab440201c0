import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { loadAttempt } from './attempt-state';

export interface AttemptResult {
  attemptId: number;
  setTitle: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
  durationSeconds: number;
  missed: { text: string; sectionPath: string | null }[];
  /** Sections to re-read, in document order of first appearance. */
  sectionsToReread: string[];
  documentNumber: string | null;
  awaitingPrediction: boolean;
}

/** Score, time taken, what was missed and where to re-read it (missed questions only while their answers are kept). */
export async function attemptResult({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; attemptId: number };
}): Promise<AttemptResult> {
  const a = await loadAttempt(ctx, input.memberId, input.attemptId);
  if (a.finishedAt === null) throw new ServiceError('invalid_input', 'attempt not finished');
  const answers = await ctx.db.all<{ is_correct: number; text: string; section_path: string | null }>(sql`
    SELECT x.is_correct, q.text, q.section_path FROM quiz_answers x JOIN quiz_questions q ON q.id = x.question_id
    WHERE x.attempt_id = ${a.id} ORDER BY x.position`);
  const [flag] = await ctx.db.all<{ awaiting: number; correct_count: number | null; last: number | null }>(sql`
    SELECT awaiting_prediction AS awaiting, correct_count, (SELECT max(answered_at) FROM quiz_answers WHERE attempt_id = ${a.id}) AS last
    FROM quiz_attempts WHERE id = ${a.id}`);
  // The score stored at the finish outlives the answers (retention deletes them); only the
  // list of missed questions needs them.
  const correct = flag?.correct_count ?? answers.filter((x) => x.is_correct).length;
  const total = a.questionIds.length;
  const missed = answers.filter((x) => !x.is_correct).map((x) => ({ text: x.text, sectionPath: x.section_path }));
  const percent = total === 0 ? 0 : Math.round((100 * correct) / total);
  return {
    attemptId: a.id,
    setTitle: a.setTitle,
    correct,
    total,
    percent,
    passed: percent >= a.passPercent,
    durationSeconds: Math.round((Number(flag?.last ?? a.finishedAt) - a.startedAt) / 1000),
    missed,
    sectionsToReread: [...new Set(missed.map((m) => m.sectionPath).filter((s): s is string => s !== null))],
    documentNumber: a.documentNumber,
    awaitingPrediction: Boolean(flag?.awaiting),
  };
}

/** Stores the contest tie-break prediction on the member's attempt that asked for it. */
export async function submitPrediction({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; value: number };
}): Promise<{ attemptId: number }> {
  if (!Number.isInteger(input.value) || input.value < 0 || input.value > 10_000_000) throw new ServiceError('invalid_input', 'prediction');
  const rows = await ctx.db.all<{ id: number }>(sql`
    UPDATE quiz_attempts SET prediction = ${input.value}, awaiting_prediction = 0
    WHERE id = (SELECT id FROM quiz_attempts WHERE member_id = ${input.memberId} AND awaiting_prediction = 1 ORDER BY id DESC LIMIT 1)
    RETURNING id`);
  if (!rows[0]) throw new ServiceError('no_prediction_pending');
  return { attemptId: rows[0].id };
}

/** Whether the member owes a prediction (so a bare number in chat is read as one). */
export async function hasPendingPrediction({ ctx, input }: { ctx: ServiceContext; input: { memberId: number } }): Promise<boolean> {
  const [row] = await ctx.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM quiz_attempts WHERE member_id = ${input.memberId} AND awaiting_prediction = 1`);
  return Number(row?.n ?? 0) > 0;
}
