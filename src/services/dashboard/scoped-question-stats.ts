import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { questionFigures } from '../quizzes/question-figures';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, resolveScopedUnit, pageUnits } from './viewer';

/**
 * Per-question statistics of a quiz set over the finished attempts of the members in
 * scope: share correct, share choosing each option, and the discrimination index.
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
  const figures = await questionFigures(ctx, set.id, pageUnits(input.viewer, unit));
  return {
    setId: set.id,
    title: set.title,
    optionsHidden: hideOptions,
    questions: figures.map((q) => ({
      key: q.key,
      text: q.text,
      options: q.options,
      answers: q.answers,
      shareCorrect: q.shareCorrect,
      optionShares: hideOptions ? q.options.map(() => null) : q.optionShares,
      discrimination: q.discrimination,
    })),
  };
}
