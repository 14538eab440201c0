import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, resolveScopedUnit, unitInScope, withinUnit } from './viewer';

/**
 * Per-question statistics of a quiz set over the finished attempts of the members in
 * scope: share correct, share choosing each option, and the discrimination index
 * (share correct in the top 27% of attempts by score minus the bottom 27%).
 */
export async function scopedQuestionStats({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; setId: number; unitId?: number } }) {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const [set] = await ctx.db.all<{ id: number; title: string; contest_open: number; reaches: number }>(sql`
    SELECT qs.id, qs.title, EXISTS (SELECT 1 FROM contests c WHERE c.set_id = qs.id AND c.opens_at <= ${ctx.clock.now().getTime()}
      AND c.closes_at > ${ctx.clock.now().getTime()}) AS contest_open,
      ${audienceMeetsScope(input.viewer.role === 'admin' ? null : input.viewer.unitPath, 'qs', 'quiz_set_units', 'set_id')} AS reaches
    FROM quiz_sets qs WHERE qs.id = ${input.setId}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found');
  if (!set.reaches) throw new ServiceError('forbidden', 'quiz set outside the viewer scope');
  // While a contest on the set is open, option shares would give its entrants the answers.
  const hideOptions = Boolean(set.contest_open) && input.viewer.role !== 'admin';
  const attempts = sql`
    SELECT a.id, row_number() OVER (ORDER BY a.correct_count DESC, a.id) AS best_rank, count(*) OVER () AS n
    FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE a.set_id = ${set.id} AND a.finished_at IS NOT NULL AND ${unitInScope(input.viewer)} AND ${withinUnit(unit)}`;
  // One pass over the answers, grouped by the exact choice: few distinct choices per question, expanded below.
  const groups = await ctx.db.all<{ question_id: number; chosen: string; grp: string | null; answers: number; correct: number; attempts: number }>(sql`
    WITH scoped AS (${attempts}), grouped AS (
      SELECT id, n, CASE WHEN best_rank <= CAST(n * 0.27 AS INTEGER) THEN 'upper'
        WHEN best_rank > n - CAST(n * 0.27 AS INTEGER) THEN 'lower' END AS grp FROM scoped)
    SELECT x.question_id, x.chosen, g.grp, count(*) AS answers, sum(x.is_correct) AS correct, max(g.n) AS attempts
    FROM grouped g JOIN quiz_answers x ON x.attempt_id = g.id GROUP BY x.question_id, x.chosen, g.grp`);
  const stats = new Map<number, { answers: number; correct: number; attempts: number; upper: [number, number]; lower: [number, number]; options: Map<number, number> }>();
  for (const g of groups) {
    const s = stats.get(g.question_id) ?? { answers: 0, correct: 0, attempts: 0, upper: [0, 0], lower: [0, 0], options: new Map() };
    const n = Number(g.answers);
    const correct = Number(g.correct);
    s.answers += n;
    s.correct += correct;
    s.attempts = Math.max(s.attempts, Number(g.attempts));
    if (g.grp === 'upper' || g.grp === 'lower') {
      s[g.grp][0] += n;
      s[g.grp][1] += correct;
    }
    for (const option of JSON.parse(g.chosen) as number[]) s.options.set(option, (s.options.get(option) ?? 0) + n);
    stats.set(g.question_id, s);
  }
  const questions = await ctx.db.all<{ id: number; key: string; text: string; options: string }>(sql`
    SELECT id, key, text, options FROM quiz_questions WHERE set_id = ${set.id} AND status <> 'draft' ORDER BY ordinal`);
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    setId: set.id,
    title: set.title,
    optionsHidden: hideOptions,
    questions: questions.map((q) => {
      const s = stats.get(q.id);
      const answers = s?.answers ?? 0;
      const upper = s ? share(s.upper[1], s.upper[0]) : null;
      const lower = s ? share(s.lower[1], s.lower[0]) : null;
      const options = JSON.parse(q.options) as string[];
      return {
        key: q.key,
        text: q.text,
        options,
        answers,
        shareCorrect: share(s?.correct ?? 0, answers),
        optionShares: options.map((_, i) => (hideOptions ? null : share(s?.options.get(i) ?? 0, answers))),
        discrimination: (s?.attempts ?? 0) < 10 || upper === null || lower === null ? null : upper - lower,
      };
    }),
  };
}
