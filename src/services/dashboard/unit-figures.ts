import { type SQL, sql } from 'drizzle-orm';
import type { UnitKind, UnitType } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { MeetingRules } from '../meetings/meeting-rules';
import { allPacked, packedRows, unpackRows } from './packed-rows';
import { type DashboardPeriods, type MonthIndex, monthIndexSql } from './periods';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: UnitKind;
  type: UnitType | null;
  parentId: number | null;
  /** Month the unit was added to the product: meetings are not required of it before then. */
  sinceMonth: MonthIndex;
}

/** Raw counts for one unit's own members and meetings; rates are derived after summing. */
export interface Counts {
  members: number;
  linked: number;
  attendanceExpected: number;
  attendancePresent: number;
  meetingsDueThisMonth: number;
  meetingsHeldThisMonth: number;
  meetingsDueHalfYear: number;
  meetingsHeldHalfYear: number;
  feedbackCount: number;
  feedbackSum: number;
  studyDue: number;
  studyConfirmed: number;
  quizParticipants: number;
  quizPassedMembers: number;
  quizCorrect: number;
  quizQuestions: number;
}

export const emptyCounts = (): Counts => ({
  members: 0,
  linked: 0,
  attendanceExpected: 0,
  attendancePresent: 0,
  meetingsDueThisMonth: 0,
  meetingsHeldThisMonth: 0,
  meetingsDueHalfYear: 0,
  meetingsHeldHalfYear: 0,
  feedbackCount: 0,
  feedbackSum: 0,
  studyDue: 0,
  studyConfirmed: 0,
  quizParticipants: 0,
  quizPassedMembers: 0,
  quizCorrect: 0,
  quizQuestions: 0,
});

export function addCounts(into: Counts, from: Counts): Counts {
  for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += from[key];
  return into;
}

/** The meeting each kind of unit must hold (regular meetings of branches, committee meetings of đảng bộ cơ sở). */
const requiredMeetingKind: Partial<Record<UnitKind, { meetingKind: string; rule: 'regularEveryMonths' | 'committeeEveryMonths' }>> = {
  chi_bo_co_so: { meetingKind: 'dinh_ky', rule: 'regularEveryMonths' },
  chi_bo_truc_thuoc: { meetingKind: 'dinh_ky', rule: 'regularEveryMonths' },
  dang_bo_co_so: { meetingKind: 'chi_uy', rule: 'committeeEveryMonths' },
};

/** Which meeting a kind of unit must hold, and how often (from the meeting rules). */
export function meetingRequirement(kind: UnitKind, rules: MeetingRules): { meetingKind: string; everyMonths: number } | null {
  const r = requiredMeetingKind[kind];
  return r ? { meetingKind: r.meetingKind, everyMonths: rules[r.rule] } : null;
}

/** SQL: the meeting `mt` is the kind its unit `u` must hold (the same table as above). */
const requiredMeeting = sql.join(
  [
    sql`(CASE u.kind`,
    ...Object.entries(requiredMeetingKind).map(([unitKind, r]) => sql`WHEN ${unitKind} THEN ${r.meetingKind}`),
    sql`END) = mt.kind`,
  ],
  sql` `,
);

/**
 * Windows of N months end in months divisible by N (as the compliance job counts them);
 * a window is met when a required meeting took place in any of its months.
 */
export function windowsMet(heldMonths: ReadonlySet<MonthIndex>, everyMonths: number, from: MonthIndex, to: MonthIndex) {
  let due = 0;
  let held = 0;
  for (let m = from; m <= to; m++) {
    if (((m % 12) + 1) % everyMonths !== 0) continue;
    due++;
    for (let k = m - everyMonths + 1; k <= m; k++) {
      if (heldMonths.has(k)) {
        held++;
        break;
      }
    }
  }
  return { due, held };
}

export interface ScopeFigures {
  units: UnitRow[];
  counts: Map<number, Counts>;
  /** Audience units (by path) of each current resolution, published in the last 12 months. */
  audiences: { documentId: number; path: string }[];
}

/**
 * Every figure of every unit the predicate admits, in one query (one row per unit: the
 * rows cost more to hand over than to count). Each figure is grouped by unit over the
 * scope; study and quizzes come from the rollups. Pages sum these per subtree, per type
 * or per unit; nothing is queried per unit.
 */
export async function loadScopeFigures(ctx: ServiceContext, within: SQL, periods: DashboardPeriods, rules: MeetingRules): Promise<ScopeFigures> {
  const figures = sql`
    SELECT ${unitColumns}, mb.members, mb.linked, mt.expected, mt.present, mt.feedback, mt.feedback_sum, mt.held,
      st.confirmed, qz.participants, qz.passed, qz.correct, qz.questions
    FROM units u
    LEFT JOIN unit_members mb ON mb.unit_id = u.id
    LEFT JOIN (
      -- One pass over the meetings: their attendance and feedback counters are kept by triggers.
      SELECT mt.unit_id, sum(mt.counted_attendance) AS expected, sum(mt.present_attendance) AS present,
        sum(mt.feedback_count) AS feedback, sum(mt.feedback_sum) AS feedback_sum,
        group_concat(DISTINCT CASE WHEN ${requiredMeeting} THEN mt.month END) AS held
      FROM meetings mt JOIN units u ON u.id = mt.unit_id
      WHERE ${within} AND ${inWindow(periods)}
      GROUP BY mt.unit_id
    ) mt ON mt.unit_id = u.id
    LEFT JOIN (
      SELECT r.unit_id, sum(r.confirmed) AS confirmed FROM unit_document_study r JOIN units u ON u.id = r.unit_id
      WHERE ${within} AND r.document_id IN (${currentDocumentIds(periods)}) AND ${sentToUnit}
      GROUP BY r.unit_id
    ) st ON st.unit_id = u.id
    LEFT JOIN (
      -- A member took part since the window opened when their latest finished (passing) attempt did.
      SELECT q.unit_id, sum(q.participants) AS participants, sum(q.passed) AS passed, sum(q.correct) AS correct, sum(q.questions) AS questions
      FROM unit_quiz_months q JOIN units u ON u.id = q.unit_id
      WHERE ${within} AND q.month >= ${periods.twelveMonthsStart} GROUP BY q.unit_id
    ) qz ON qz.unit_id = u.id
    WHERE ${within}`;
  // The current resolutions' audiences come with the figures: a few rows, not worth a statement.
  const [packed] = await ctx.db.all<{ rows: string; audiences: string }>(sql`
    SELECT ${packedRows(figureColumns, figures)} AS rows,
      (SELECT json_group_array(json_array(du.document_id, pu.path)) FROM document_units du JOIN units pu ON pu.id = du.unit_id
        WHERE du.published_at >= ${periods.twelveMonthsFrom}) AS audiences`);
  const rows = unpackRows(figureColumns, packed?.rows);
  const audiences = (JSON.parse(packed?.audiences ?? '[]') as [number, string][]).map(([documentId, path]) => ({ documentId, path }));
  sortByPath(rows);

  const units: UnitRow[] = [];
  const counts = new Map<number, Counts>();
  for (const r of rows) {
    const u = unitRowOf(r as unknown as UnitColumns);
    units.push(u);
    const c = emptyCounts();
    Object.assign(c, {
      members: Number(r.members ?? 0),
      linked: Number(r.linked ?? 0),
      attendanceExpected: Number(r.expected ?? 0),
      attendancePresent: Number(r.present ?? 0),
      feedbackCount: Number(r.feedback ?? 0),
      feedbackSum: Number(r.feedback_sum ?? 0),
      studyConfirmed: Number(r.confirmed ?? 0),
      quizParticipants: Number(r.participants ?? 0),
      quizPassedMembers: Number(r.passed ?? 0),
      quizCorrect: Number(r.correct ?? 0),
      quizQuestions: Number(r.questions ?? 0),
    });
    const requirement = meetingRequirement(u.kind, rules);
    if (requirement) {
      const months = r.held ? monthSet(String(r.held)) : new Set<number>();
      const month = windowsMet(months, requirement.everyMonths, Math.max(periods.thisMonth, u.sinceMonth), periods.thisMonth);
      // The month under way is not missed yet: it counts in the half-year only once held.
      const past = windowsMet(months, requirement.everyMonths, Math.max(periods.halfYearStart, u.sinceMonth), periods.thisMonth - 1);
      Object.assign(c, {
        meetingsDueThisMonth: month.due,
        meetingsHeldThisMonth: month.held,
        meetingsDueHalfYear: past.due + month.held,
        meetingsHeldHalfYear: past.held + month.held,
      });
    }
    // Every member must study each current resolution sent to an audience containing the unit.
    const readable = new Set(audiences.filter((a) => u.path.startsWith(a.path)).map((a) => a.documentId)).size;
    c.studyDue = readable * c.members;
    counts.set(u.id, c);
  }
  return { units, counts, audiences };
}

/** SQL: the current resolutions, published in the last 12 months (to any audience). */
export const currentDocumentIds = (periods: DashboardPeriods) =>
  sql`SELECT du.document_id FROM document_units du WHERE du.published_at >= ${periods.twelveMonthsFrom}`;

/**
 * SQL: the document of rollup row `r` was published to an audience containing unit `u`.
 * Only members a document was sent to count: a confirmation carried from another unit does not.
 */
export const sentToUnit = sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id WHERE du.document_id = r.document_id AND u.path LIKE pu.path || '%')`;

/** Sums the counts of every unit under `path` (itself included). */
export function sumSubtree(figures: ScopeFigures, path: string): Counts {
  const total = emptyCounts();
  for (const u of figures.units) if (u.path.startsWith(path)) addCounts(total, figures.counts.get(u.id) ?? emptyCounts());
  return total;
}

/** Meetings (alias `mt`) the figures count: held as scheduled within the last 12 months, up to now. */
const inWindow = (periods: DashboardPeriods) =>
  sql`mt.status = 'scheduled' AND mt.starts_at >= ${periods.twelveMonthsFrom} AND mt.starts_at <= ${periods.now}`;

/** A `group_concat` of month indexes as a set. */
const monthSet = (list: string): Set<MonthIndex> => new Set(String(list).split(',').map(Number));

interface UnitColumns {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: UnitKind;
  type: UnitType | null;
  parent_id: number | null;
  since: number;
}

const unitColumnNames = ['id', 'code', 'name', 'path', 'kind', 'type', 'parent_id', 'since'] as const;
const figureColumns = [
  ...unitColumnNames, 'members', 'linked', 'expected', 'present',
  'feedback', 'feedback_sum', 'held', 'confirmed', 'participants', 'passed', 'correct', 'questions',
] as const;

const unitColumns = sql.raw(`u.id, u.code, u.name, u.path, u.kind, u.type, u.parent_id, ${monthIndexSql('u.created_at')} AS since`);

const unitRowOf = (u: UnitColumns): UnitRow => ({
  id: u.id,
  code: u.code,
  name: u.name,
  path: u.path,
  kind: u.kind,
  type: u.type,
  parentId: u.parent_id,
  sinceMonth: Number(u.since),
});

/** The units the predicate admits, in tree order, with their member counts (handed over as one JSON text). */
export async function loadUnits(ctx: ServiceContext, within: SQL): Promise<(UnitRow & { members: number })[]> {
  const rows = await allPacked(
    ctx,
    [...unitColumnNames, 'members'],
    sql`SELECT ${unitColumns}, um.members FROM units u LEFT JOIN unit_members um ON um.unit_id = u.id WHERE ${within}`,
  );
  return sortByPath(rows).map((r) => ({ ...unitRowOf(r as unknown as UnitColumns), members: Number(r.members ?? 0) }));
}

/** Rows in tree order (the order of their unit paths). */
const sortByPath = <R extends { path: unknown }>(rows: R[]): R[] => rows.sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1));

/** Months of the last 12 in which each unit held the meeting its kind requires (handed over as one JSON text). */
export async function loadHeldMonths(ctx: ServiceContext, within: SQL, periods: DashboardPeriods): Promise<Map<number, Set<MonthIndex>>> {
  const held = await allPacked(ctx, ['unit_id', 'months'], sql`
    SELECT mt.unit_id, group_concat(DISTINCT mt.month) AS months
    FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${within} AND ${inWindow(periods)} AND ${requiredMeeting}
    GROUP BY mt.unit_id`);
  return new Map(held.map((r) => [Number(r.unit_id), monthSet(String(r.months))]));
}
