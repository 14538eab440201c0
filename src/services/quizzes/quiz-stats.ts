import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { questionFigures } from './question-figures';
import { pathWithin, unitPathOfCode } from '../units/unit-paths';

export interface QuestionStats {
  key: string;
  text: string;
  sectionPath: string | null;
  answers: number;
  shareCorrect: number;
  /** Share of answers that chose each option (original order; multi-select shares can sum above 1). */
  optionShares: number[];
  /** See QuestionFigures.discrimination. */
  discrimination: number | null;
}

/** Per-question statistics of a quiz set over every finished attempt (the CLI's view of it). */
export async function questionStats({ ctx, input }: { ctx: ServiceContext; input: { setSlug: string } }): Promise<QuestionStats[]> {
  const [set] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = ${input.setSlug}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found', { set: input.setSlug });
  const figures = await questionFigures(ctx, set.id, sql`1 = 1`);
  return figures.map((q) => ({
    key: q.key,
    text: q.text,
    sectionPath: q.sectionPath,
    answers: q.answers,
    shareCorrect: q.shareCorrect ?? 0,
    optionShares: q.optionShares.map((x) => x ?? 0),
    discrimination: q.discrimination,
  }));
}

/** Per-member best results on a set, and per-unit participation, within an optional unit subtree. */
export async function quizResults({ ctx, input }: { ctx: ServiceContext; input: { setSlug: string; unitCode?: string } }) {
  const [set] = await ctx.db.all<{ id: number; pass_percent: number }>(sql`SELECT id, pass_percent FROM quiz_sets WHERE slug = ${input.setSlug}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found', { set: input.setSlug });
  const within = input.unitCode ? sql`AND ${pathWithin('u.path', await unitPathOfCode(ctx, input.unitCode))}` : sql``;
  const members = await ctx.db.all<{ code: string; full_name: string; unit_code: string; attempts: number; best: number | null }>(sql`
    SELECT m.code, m.full_name, u.code AS unit_code,
      (SELECT count(*) FROM quiz_attempts a WHERE a.set_id = ${set.id} AND a.member_id = m.id AND a.finished_at IS NOT NULL) AS attempts,
      (SELECT max(100.0 * (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id AND x.is_correct) / json_array_length(a.question_ids))
        FROM quiz_attempts a WHERE a.set_id = ${set.id} AND a.member_id = m.id AND a.finished_at IS NOT NULL) AS best
    FROM members m JOIN units u ON u.id = m.unit_id WHERE 1 = 1 ${within} ORDER BY u.path, m.full_name`);
  const perMember = members.map((m) => ({
    memberCode: m.code,
    fullName: m.full_name,
    unitCode: m.unit_code,
    attempts: Number(m.attempts),
    bestPercent: m.best === null ? null : Math.round(Number(m.best)),
    passed: m.best !== null && Number(m.best) >= set.pass_percent,
  }));
  const units = new Map<string, { unitCode: string; members: number; participants: number; passed: number; sum: number }>();
  for (const m of perMember) {
    const u = units.get(m.unitCode) ?? { unitCode: m.unitCode, members: 0, participants: 0, passed: 0, sum: 0 };
    u.members++;
    if (m.bestPercent !== null) {
      u.participants++;
      u.sum += m.bestPercent;
    }
    if (m.passed) u.passed++;
    units.set(m.unitCode, u);
  }
  const perUnit = [...units.values()].map((u) => ({
    unitCode: u.unitCode,
    members: u.members,
    participants: u.participants,
    passed: u.passed,
    averageBestPercent: u.participants === 0 ? null : Math.round(u.sum / u.participants),
  }));
  return { perMember, perUnit };
}
