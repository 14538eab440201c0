import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { type DashboardViewer, resolveScopedUnit, unitInScope, withinUnit } from './viewer';

/**
 * Per-question statistics of a quiz set over the finished attempts of the members in
 * scope: share correct, share choosing each option, and the discrimination index
 * (share correct in the top 27% of attempts by score minus the bottom 27%).
 */
export async function scopedQuestionStats({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; setId: number; unitId?: number } }) {
  const [set] = await ctx.db.all<{ id: number; title: string }>(sql`SELECT id, title FROM quiz_sets WHERE id = ${input.setId}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found');
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const attempts = sql`
    SELECT a.id, row_number() OVER (ORDER BY a.correct_count DESC, a.id) AS best_rank, count(*) OVER () AS n
    FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE a.set_id = ${set.id} AND a.finished_at IS NOT NULL AND ${unitInScope(input.viewer)} AND ${withinUnit(unit)}`;
  const perQuestion = await ctx.db.all<{ question_id: number; answers: number; correct: number; upper_n: number; upper_correct: number; lower_n: number; lower_correct: number; attempts: number }>(sql`
    WITH scoped AS (${attempts}), grouped AS (
      SELECT id, n, CASE WHEN best_rank <= CAST(n * 0.27 AS INTEGER) THEN 'upper'
        WHEN best_rank > n - CAST(n * 0.27 AS INTEGER) THEN 'lower' END AS grp FROM scoped)
    SELECT x.question_id, count(*) AS answers, sum(x.is_correct) AS correct, max(g.n) AS attempts,
      sum(g.grp = 'upper') AS upper_n, sum(g.grp = 'upper' AND x.is_correct) AS upper_correct,
      sum(g.grp = 'lower') AS lower_n, sum(g.grp = 'lower' AND x.is_correct) AS lower_correct
    FROM quiz_answers x JOIN grouped g ON g.id = x.attempt_id GROUP BY x.question_id`);
  const options = await ctx.db.all<{ question_id: number; option: number; n: number }>(sql`
    WITH scoped AS (${attempts})
    SELECT x.question_id, CAST(j.value AS INTEGER) AS option, count(*) AS n
    FROM quiz_answers x JOIN scoped s ON s.id = x.attempt_id, json_each(x.chosen) j GROUP BY x.question_id, option`);
  const questions = await ctx.db.all<{ id: number; key: string; text: string; options: string; correct: string }>(sql`
    SELECT id, key, text, options, correct FROM quiz_questions WHERE set_id = ${set.id} AND status <> 'draft' ORDER BY ordinal`);
  const statsOf = new Map(perQuestion.map((q) => [q.question_id, q]));
  return {
    setId: set.id,
    title: set.title,
    questions: questions.map((q) => {
      const s = statsOf.get(q.id);
      const answers = Number(s?.answers ?? 0);
      const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
      const upper = share(Number(s?.upper_correct ?? 0), Number(s?.upper_n ?? 0));
      const lower = share(Number(s?.lower_correct ?? 0), Number(s?.lower_n ?? 0));
      return {
        key: q.key,
        text: q.text,
        options: JSON.parse(q.options) as string[],
        correct: JSON.parse(q.correct) as number[],
        answers,
        shareCorrect: share(Number(s?.correct ?? 0), answers),
        optionShares: (JSON.parse(q.options) as string[]).map((_, i) =>
          share(Number(options.find((o) => o.question_id === q.id && Number(o.option) === i)?.n ?? 0), answers),
        ),
        discrimination: Number(s?.attempts ?? 0) < 10 || upper === null || lower === null ? null : upper - lower,
      };
    }),
  };
}
