import { sql } from 'drizzle-orm';
import type { TargetMetric } from '../../db/schema';
import type { ServiceContext } from '../context';
import { type Rates, ratesOf } from './rates';
import { type TargetRow, targetsApplyingTo } from './list-targets';
import { type ScopeFigures, sumSubtree } from './unit-figures';
import type { ScopedUnit } from './viewer';
import { pathWithin } from '../units/unit-paths';

const rateOfMetric: Record<Exclude<TargetMetric, 'feedback_average'>, keyof Rates> = {
  study_confirmed: 'studyRate',
  quiz_participation: 'quizParticipationRate',
  quiz_pass: 'quizPassRate',
  attendance: 'attendanceRate',
  meetings_held: 'meetingsHalfYearRate',
  members_linked: 'linkedRate',
};

/**
 * The measured figure a target compares with, over the units under `path`: a
 * percentage, or a score out of 5 for feedback. Study of a named document is counted
 * for that document alone, among the members it was published to.
 */
export async function measureTarget(
  ctx: ServiceContext,
  target: { metric: TargetMetric; documentId: number | null },
  rates: Rates,
  path: string,
): Promise<number | null> {
  if (target.metric === 'feedback_average') return rates.feedbackAverage;
  if (target.metric === 'study_confirmed' && target.documentId !== null) {
    const sentTo = sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id
      WHERE du.document_id = ${target.documentId} AND u.path LIKE pu.path || '%')`;
    const [row] = await ctx.db.all<{ due: number; confirmed: number }>(sql`
      SELECT (SELECT coalesce(sum(um.members), 0) FROM unit_members um JOIN units u ON u.id = um.unit_id WHERE ${pathWithin('u.path', path)} AND ${sentTo}) AS due,
        (SELECT coalesce(sum(r.confirmed), 0) FROM unit_document_study r JOIN units u ON u.id = r.unit_id
          WHERE r.document_id = ${target.documentId} AND ${pathWithin('u.path', path)} AND ${sentTo}) AS confirmed`);
    return row && Number(row.due) > 0 ? (100 * Number(row.confirmed)) / Number(row.due) : null;
  }
  const rate = rates[rateOfMetric[target.metric]] as number | null;
  return rate === null ? null : rate * 100;
}

/**
 * The targets that apply to the page's unit, each with its measured figure over the
 * page's subtree (or, for an admin without a unit, over the target's own unit).
 */
export async function measureTargets(ctx: ServiceContext, unit: ScopedUnit | null, figures: ScopeFigures) {
  const targets = await targetsApplyingTo(ctx, unit);
  const measured: (TargetRow & { actual: number | null })[] = [];
  for (const t of targets) {
    const path = unit?.path ?? t.unitPath;
    measured.push({ ...t, actual: await measureTarget(ctx, t, ratesOf(sumSubtree(figures, path)), path) });
  }
  return measured;
}
