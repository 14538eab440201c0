import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export interface QuestionStats {
  key: string;
  text: string;
  sectionPath: string | null;
  answers: number;
  shareCorrect: number;
  /** Share of answers that chose each option (original order; multi-select shares can sum above 1). */
  optionShares: number[];
  /**
   * Discrimination index: share correct among the top 27% of finished attempts
   * minus the share among the bottom 27% (null with fewer than 10 attempts).
   */
  discrimination: number | null;
}

/** Per-question statistics of a quiz set, from every finished attempt's stored answers. */
export async function questionStats({ ctx, input }: { ctx: ServiceContext; input: { setSlug: string } }): Promise<QuestionStats[]> {
  const [set] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = ${input.setSlug}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found', { set: input.setSlug });
  const questions = await ctx.db.all<{ id: number; key: string; text: string; section_path: string | null; options: string }>(sql`
    SELECT id, key, text, section_path, options FROM quiz_questions WHERE set_id = ${set.id} AND status <> 'draft' ORDER BY ordinal`);
  const answers = await ctx.db.all<{ attempt_id: number; question_id: number; chosen: string; is_correct: number }>(sql`
    SELECT x.attempt_id, x.question_id, x.chosen, x.is_correct FROM quiz_answers x
    JOIN quiz_attempts a ON a.id = x.attempt_id WHERE a.set_id = ${set.id} AND a.finished_at IS NOT NULL`);
  const scoreOf = new Map<number, number>();
  for (const a of answers) scoreOf.set(a.attempt_id, (scoreOf.get(a.attempt_id) ?? 0) + (a.is_correct ? 1 : 0));
  const ranked = [...scoreOf.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id);
  const groupSize = Math.floor(ranked.length * 0.27);
  const upper = new Set(ranked.slice(0, groupSize));
  const lower = new Set(ranked.slice(ranked.length - groupSize));
  return questions.map((q) => {
    const mine = answers.filter((a) => a.question_id === q.id);
    const optionCount = (JSON.parse(q.options) as string[]).length;
    const shares = Array.from({ length: optionCount }, (_, i) =>
      mine.length === 0 ? 0 : mine.filter((a) => (JSON.parse(a.chosen) as number[]).includes(i)).length / mine.length,
    );
    const shareIn = (group: Set<number>) => {
      const g = mine.filter((a) => group.has(a.attempt_id));
      return g.length === 0 ? 0 : g.filter((a) => a.is_correct).length / g.length;
    };
    return {
      key: q.key,
      text: q.text,
      sectionPath: q.section_path,
      answers: mine.length,
      shareCorrect: mine.length === 0 ? 0 : mine.filter((a) => a.is_correct).length / mine.length,
      optionShares: shares,
      discrimination: ranked.length < 10 ? null : shareIn(upper) - shareIn(lower),
    };
  });
}

/** Per-member best results on a set, and per-unit participation, within an optional unit subtree. */
export async function quizResults({ ctx, input }: { ctx: ServiceContext; input: { setSlug: string; unitCode?: string } }) {
  const [set] = await ctx.db.all<{ id: number; pass_percent: number }>(sql`SELECT id, pass_percent FROM quiz_sets WHERE slug = ${input.setSlug}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found', { set: input.setSlug });
  const within = input.unitCode ? sql`AND u.path LIKE (SELECT path FROM units WHERE code = ${input.unitCode}) || '%'` : sql``;
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
