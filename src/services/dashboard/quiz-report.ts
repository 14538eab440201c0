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
    SELECT a.set_id, count(DISTINCT a.member_id) AS participants, count(*) AS attempts,
      sum(a.correct_count) AS correct, sum(json_array_length(a.question_ids)) AS questions,
      count(DISTINCT CASE WHEN a.correct_count * 100 >= qs.pass_percent * json_array_length(a.question_ids) THEN a.member_id END) AS passed
    FROM quiz_attempts a JOIN quiz_sets qs ON qs.id = a.set_id JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE ${within} AND a.finished_at IS NOT NULL GROUP BY a.set_id`);
  const statsOf = new Map(stats.map((s) => [s.set_id, s]));
  const sets = await ctx.db.all<{ id: number; title: string }>(sql`
    SELECT qs.id, qs.title FROM quiz_sets qs WHERE ${audienceMeetsScope(unit?.path ?? input.viewer.unitPath, 'qs', 'quiz_set_units', 'set_id')} ORDER BY qs.id DESC`);
  const entrants = await ctx.db.all<{ contest_id: number; n: number }>(sql`
    SELECT a.contest_id, count(DISTINCT a.member_id) AS n FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE ${within} AND a.contest_id IS NOT NULL AND a.finished_at IS NOT NULL GROUP BY a.contest_id`);
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
