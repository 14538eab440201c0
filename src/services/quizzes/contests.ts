import { inArray, sql } from 'drizzle-orm';
import { contests, contestUnits, units } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { pathWithin, unitPathOfCode } from '../units/unit-paths';

export interface CreateContestInput {
  slug: string;
  title: string;
  setSlug: string;
  opensAt: Date;
  closesAt: Date;
  attemptsAllowed: number;
  askPrediction: boolean;
  unitCodes: string[];
}

/** Creates a contest on a quiz set for the given units (none: everyone). */
export async function createContest({ ctx, input }: { ctx: ServiceContext; input: CreateContestInput }): Promise<{ contestId: number }> {
  if (!(input.opensAt < input.closesAt)) throw new ServiceError('invalid_input', 'opensAt must be before closesAt', { reason: 'closes_before_opens' });
  if (!Number.isInteger(input.attemptsAllowed) || input.attemptsAllowed < 1) throw new ServiceError('invalid_input', 'attempts', { reason: 'bad_attempts' });
  const [set] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = ${input.setSlug}`);
  if (!set) throw new ServiceError('not_found', 'quiz set not found', { set: input.setSlug });
  const unitRows = input.unitCodes.length > 0 ? await ctx.db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, input.unitCodes)) : [];
  const missing = input.unitCodes.filter((c) => !unitRows.some((u) => u.code === c));
  if (missing.length > 0) throw new ServiceError('not_found', 'unit not found', { unit: missing.join(', ') });
  const ref = sql`(SELECT id FROM contests WHERE slug = ${input.slug})`;
  const [created] = await ctx.db.batch([
    ctx.db
      .insert(contests)
      .values({
        slug: input.slug,
        title: input.title,
        setId: set.id,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        attemptsAllowed: input.attemptsAllowed,
        askPrediction: input.askPrediction,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: contests.id }),
    ...unitRows.map((u) => ctx.db.insert(contestUnits).values({ contestId: ref, unitId: u.id })),
    auditStatement(ctx, { action: 'contest.create', entity: 'contest', entityId: input.slug }),
  ]);
  return { contestId: created[0]!.id };
}

export interface LeaderboardRow {
  rank: number;
  memberCode: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  correct: number;
  total: number;
  durationSeconds: number;
  prediction: number | null;
  attempts: number;
}

/**
 * Ranking recomputed from the stored answers: each entrant's best attempt (score, then
 * time), ordered by score, then closeness of the prediction to the actual number of
 * entrants who answered everything correctly, then time taken.
 */
export async function contestLeaderboard({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** Rank only the entrants of a unit's subtree: by its code, or by its path when the caller has the unit already. */
  input: { contestId: number; unitCode?: string; unitPath?: string; limit?: number };
}): Promise<{ title: string; perfectEntrants: number; entrants: number; entrantsInScope: number; rows: LeaderboardRow[] }> {
  const [contest] = await ctx.db.all<{ title: string }>(sql`SELECT title FROM contests WHERE id = ${input.contestId}`);
  if (!contest) throw new ServiceError('not_found', 'contest not found');
  const unitPath = input.unitPath ?? (input.unitCode === undefined ? undefined : await unitPathOfCode(ctx, input.unitCode));
  // Scores come from the attempt's stored correct_count (answers recounted for attempts without one).
  const score = sql`coalesce(a.correct_count, (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id AND x.is_correct))`;
  const [totals] = await ctx.db.all<{ entrants: number; perfect: number | null }>(sql`
    SELECT count(*) AS entrants, sum(best = total) AS perfect FROM (
      SELECT max(${score}) AS best, max(json_array_length(a.question_ids)) AS total
      FROM quiz_attempts a WHERE a.contest_id = ${input.contestId} AND a.finished_at IS NOT NULL GROUP BY a.member_id)`);
  const perfect = Number(totals?.perfect ?? 0);
  // Only the entrants of the requested unit are ranked here; the prediction tie-break uses the contest-wide count.
  const within = unitPath === undefined ? sql`` : sql`AND ${pathWithin('u.path', unitPath)}`;
  // Ranked in SQL: best score first, then the prediction nearest the contest-wide count of
  // perfect scores (none: last), then the faster attempt, then the earlier member id.
  const order = sql`correct DESC, latest_prediction IS NULL, abs(latest_prediction - ${perfect}), duration_ms, member_id`;
  const ranked = await ctx.db.all<{
    member_id: number;
    total: number;
    correct: number;
    duration_ms: number;
    attempts: number;
    prediction: number | null;
    code: string;
    full_name: string;
    unit_code: string;
    unit_name: string;
    in_scope: number;
  }>(sql`
    WITH scored AS (
      SELECT a.id, a.member_id, a.prediction, json_array_length(a.question_ids) AS total, ${score} AS correct,
        a.finished_at - a.started_at AS duration_ms
      FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
      WHERE a.contest_id = ${input.contestId} AND a.finished_at IS NOT NULL ${within}
    ), best AS MATERIALIZED (
      -- One row per entrant in one pass, without sorting every attempt by window: the best attempt
      -- (score, then time, then the earlier attempt) is the least of a fixed-width sortable key that
      -- also carries its figures; the latest prediction is the one of the highest attempt id.
      SELECT member_id, attempts, latest_prediction,
        999999 - CAST(substr(best_key, 1, 6) AS INTEGER) AS correct, CAST(substr(best_key, 7, 12) AS INTEGER) AS duration_ms,
        CAST(substr(best_key, 29) AS INTEGER) AS total
      FROM (
        SELECT member_id, count(*) AS attempts,
          min(printf('%06d%012d%010d%d', 999999 - correct, duration_ms, id, total)) AS best_key,
          CAST(substr(max(CASE WHEN prediction IS NOT NULL THEN printf('%010d:%d', id, prediction) END), 12) AS INTEGER) AS latest_prediction
        FROM scored GROUP BY member_id)
    ), top AS (
      SELECT * FROM best ORDER BY ${order} LIMIT ${input.limit ?? 1000}
    )
    -- Names are looked up for the rows shown only, not for every entrant.
    SELECT top.member_id, top.total, top.correct, top.duration_ms, top.attempts, top.latest_prediction AS prediction,
      m.code, m.full_name, u.code AS unit_code, u.name AS unit_name, (SELECT count(*) FROM best) AS in_scope
    FROM top JOIN members m ON m.id = top.member_id JOIN units u ON u.id = m.unit_id
    ORDER BY ${order}`);
  const rows = ranked.map((r, i) => ({
    rank: i + 1,
    memberCode: r.code,
    fullName: r.full_name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    correct: Number(r.correct),
    total: Number(r.total),
    durationSeconds: Math.round(Number(r.duration_ms) / 1000),
    prediction: r.prediction === null ? null : Number(r.prediction),
    attempts: Number(r.attempts),
  }));
  return { title: contest.title, perfectEntrants: perfect, entrants: Number(totals?.entrants ?? 0), entrantsInScope: Number(ranked[0]?.in_scope ?? 0), rows };
}

/** Entrants and attempts per week (Vietnam time, weeks from Monday) and per unit. */
export async function contestWeeklyStats({ ctx, input }: { ctx: ServiceContext; input: { contestId: number } }) {
  const rows = await ctx.db.all<{ week_start: string; unit_code: string; unit_name: string; entrants: number; attempts: number }>(sql`
    SELECT date(a.started_at / 1000, 'unixepoch', '+7 hours', 'weekday 0', '-6 days') AS week_start,
      u.code AS unit_code, u.name AS unit_name, count(DISTINCT a.member_id) AS entrants, count(*) AS attempts
    FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE a.contest_id = ${input.contestId}
    GROUP BY week_start, u.id ORDER BY week_start, u.path`);
  return rows.map((r) => ({ weekStart: r.week_start, unitCode: r.unit_code, unitName: r.unit_name, entrants: Number(r.entrants), attempts: Number(r.attempts) }));
}
