import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, pageUnits } from './viewer';

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
  const within = pageUnits(input.viewer, unit);
  // Each set (contest) that reaches the scope, with the figures of the scope's members from the rollups.
  const sets = await ctx.db.all<{ id: number; title: string; participants: number | null; attempts: number | null; correct: number | null; questions: number | null; passed: number | null }>(sql`
    SELECT qs.id, qs.title, x.participants, x.attempts, x.correct, x.questions, x.passed FROM quiz_sets qs
    LEFT JOIN (
      SELECT r.set_id, sum(r.participants) AS participants, sum(r.attempts) AS attempts, sum(r.correct) AS correct,
        sum(r.questions) AS questions, sum(r.passed) AS passed
      FROM unit_quiz_sets r JOIN units u ON u.id = r.unit_id WHERE ${within} GROUP BY r.set_id
    ) x ON x.set_id = qs.id
    WHERE ${audienceMeetsScope(unit?.path ?? input.viewer.unitPath, 'qs', 'quiz_set_units', 'set_id')} ORDER BY qs.id DESC`);
  const contests = await ctx.db.all<{ id: number; title: string; opens_at: number; closes_at: number; entrants: number | null }>(sql`
    SELECT c.id, c.title, c.opens_at, c.closes_at,
      (SELECT sum(r.entrants) FROM unit_contest_entrants r JOIN units u ON u.id = r.unit_id WHERE r.contest_id = c.id AND ${within}) AS entrants
    FROM contests c
    WHERE ${audienceMeetsScope(unit?.path ?? input.viewer.unitPath, 'c', 'contest_units', 'contest_id')} ORDER BY c.opens_at DESC`);
  return {
    unit,
    sets: sets
      .map((s) => ({
        setId: s.id,
        title: s.title,
        participants: Number(s.participants ?? 0),
        attempts: Number(s.attempts ?? 0),
        averagePercent: Number(s.questions ?? 0) > 0 ? (100 * Number(s.correct)) / Number(s.questions) : null,
        passedMembers: Number(s.passed ?? 0),
      })),
    contests: contests.map((c) => ({
      contestId: c.id,
      title: c.title,
      opensAt: new Date(Number(c.opens_at)),
      closesAt: new Date(Number(c.closes_at)),
      entrants: Number(c.entrants ?? 0),
    })),
  };
}
