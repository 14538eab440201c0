import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { loadAttempt } from './attempt-state';

export interface QuestionView {
  attemptId: number;
  position: number;
  total: number;
  text: string;
  /** Options in this attempt's display order. */
  options: string[];
  multiple: boolean;
  timeLimitSeconds: number | null;
  /** When the answer must be in by (only with a time limit). */
  deadline: Date | null;
  setTitle: string;
}

/**
 * The attempt's current question. The timer starts the first time it is shown;
 * showing it again (resume, another device) does not restart it.
 */
export async function showQuestion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; attemptId: number };
}): Promise<QuestionView> {
  const a = await loadAttempt(ctx, input.memberId, input.attemptId);
  if (a.finishedAt !== null || a.answered >= a.questionIds.length) throw new ServiceError('attempt_finished');
  const position = a.answered;
  const questionId = a.questionIds[position]!;
  const now = ctx.clock.now().getTime();
  let shownAt = a.shownAt;
  if (shownAt === null) {
    await ctx.db.run(sql`UPDATE quiz_attempts SET shown_at = ${now} WHERE id = ${a.id} AND shown_at IS NULL`);
    shownAt = now;
  }
  const [q] = await ctx.db.all<{ text: string; options: string; correct: string }>(sql`
    SELECT text, options, correct FROM quiz_questions WHERE id = ${questionId}`);
  const options = JSON.parse(q!.options) as string[];
  return {
    attemptId: a.id,
    position,
    total: a.questionIds.length,
    text: q!.text,
    options: a.optionOrders[position]!.map((i) => options[i]!),
    multiple: (JSON.parse(q!.correct) as number[]).length > 1,
    timeLimitSeconds: a.timeLimitSeconds,
    deadline: a.timeLimitSeconds ? new Date(shownAt + a.timeLimitSeconds * 1000) : null,
    setTitle: a.setTitle,
  };
}
