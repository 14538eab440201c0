import { sql } from 'drizzle-orm';
import type { ServiceContext } from './context';

export interface RetentionSettings {
  /** Feedback comments older than this are deleted (scores stay for the averages). */
  feedbackCommentDays?: number;
  /** Finished quiz attempts older than this lose their individual answers (and with them, per-question history). */
  quizAnswerDays?: number;
}

/** Applies the retention settings; unset means keep. Idempotent, run daily by the job registry. */
export async function applyRetention({ ctx, input }: { ctx: ServiceContext; input: RetentionSettings }) {
  const now = ctx.clock.now().getTime();
  let comments = 0;
  let answers = 0;
  if (input.feedbackCommentDays) {
    const cutoff = now - input.feedbackCommentDays * 86_400_000;
    comments = (await ctx.db.run(sql`UPDATE meeting_feedback SET comment = NULL WHERE comment IS NOT NULL AND created_at < ${cutoff}`)).rowsAffected;
  }
  if (input.quizAnswerDays) {
    const cutoff = now - input.quizAnswerDays * 86_400_000;
    answers = (
      await ctx.db.run(sql`
        DELETE FROM quiz_answers WHERE attempt_id IN (SELECT id FROM quiz_attempts WHERE finished_at IS NOT NULL AND finished_at < ${cutoff})`)
    ).rowsAffected;
  }
  return { comments, answers };
}
