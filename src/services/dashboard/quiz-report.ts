import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, unitInScope, withinUnit } from './viewer';

export interface QuizSetRow {
  setId: number;
  title: string;
  participants: number;
  attempts: number;
  averagePercent: number | null;
  passedMembers: number;
}

/** Quiz sets and contests with participation and scores of the members in scope. */
export async function quizReport({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; unitId?: number } }): Promise<{
  unit: ScopedUnit | null;
  sets: QuizSetRow[];
  contests: { contestId: number; title: string; opensAt: Date; closesAt: Date; entrants: number }[];
}> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const within = sql`${unitInScope(input.viewer)} AND ${withinUnit(unit)}`;
  const stats = await ctx.db.all<{ set_id: number; participants: number; attempts: number; correct: number; questions: number; passed: number }>(sql`
    SELECT r.set_id, sum(r.participants) AS participants, sum(r.attempts) AS attempts, sum(r.correct) AS correct,
      sum(r.questions) AS questions, sum(r.passed) AS passed
    FROM unit_quiz_sets r JOIN units u ON u.id = r.unit_id WHERE ${within} GROUP BY r.set_id`);
  const statsOf = new Map(stats.map((s) => [s.set_id, s]));
  const sets = await ctx.db.all<{ id: number; title: string }>(sql`
    SELECT qs.id, qs.title FROM quiz_sets qs WHERE ${audienceMeetsScope(unit?.path ?? input.viewer.unitPath, 'qs', 'quiz_set_units', 'set_id')} ORDER BY qs.id DESC`);
  const entrants = await ctx.db.all<{ contest_id: number; n: number }>(sql`
    SELECT r.contest_id, sum(r.entrants) AS n FROM unit_contest_entrants r JOIN units u ON u.id = r.unit_id WHERE ${within} GROUP BY r.contest_id`);
  const entrantsOf = new Map(entrants.map((e) => [e.contest_id, Number(e.n)]));
  const contests = await ctx.db.all<{ id: number; title: string; opens_at: number; closes_at: number }>(sql`
    SELECT c.id, c.title, c.opens_at, c.closes_at FROM contests c
    WHERE ${audienceMeetsScope(unit?.path ?? input.viewer.unitPath, 'c', 'contest_units', 'contest_id')} ORDER BY c.opens_at DESC`);
  return {
    unit,
    sets: sets
      .map((s) => {
        const x = statsOf.get(s.id);
        return {
          setId: s.id,
          title: s.title,
          participants: Number(x?.participants ?? 0),
          attempts: Number(x?.attempts ?? 0),
          averagePercent: x && Number(x.questions) > 0 ? (100 * Number(x.correct)) / Number(x.questions) : null,
          passedMembers: Number(x?.passed ?? 0),
        };
      }),
    contests: contests.map((c) => ({
      contestId: c.id,
      title: c.title,
      opensAt: new Date(Number(c.opens_at)),
      closesAt: new Date(Number(c.closes_at)),
      entrants: entrantsOf.get(c.id) ?? 0,
    })),
  };
}
