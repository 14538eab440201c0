// Times each dashboard page's data on a province-scale database (bench/province-data.ts) for three
// viewers, against the hand-written SQL the page needs (the floor) in the same run.
// `npx tsx bench/dashboard.ts [scale=1]`; `runDashboardBench()` feeds `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { createServices } from '../src/services';
import type { ServiceContext } from '../src/services/context';
import { audienceMeetsScope, childPathSql } from '../src/services/dashboard/subtree-rows';
import { type DashboardViewer, adminViewer, loadMemberViewer, unitInScope } from '../src/services/dashboard/viewer';
import { dashboardPeriods, monthIndexSql } from '../src/services/dashboard/periods';
import { defaultMeetingRules } from '../src/services/meetings/meeting-rules';
import { type BenchFigure, isMain, median, time } from './harness';
import { generateProvince } from './province-data';

/** Each page and its floor run in pairs: at least this many, then on until the time is spent. */
const minRuns = 5;
const maxRuns = 1000;
const measureMs = 2000;
const warmUpMs = 300;
const minWarmUps = 2;
const targetMs = 300;
const targetRatio = 1.5;

export async function runDashboardBench(scale = Number(process.env.DASHBOARD_BENCH_SCALE ?? 1)): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-dashboard-bench-'));
  const { client, db } = await openDatabase(`file:${join(dir, 'province.db')}`);
  try {
    await migrateDatabase(db);
    const generatedIn = performance.now();
    const province = await generateProvince(client, { scale });
    const generation = performance.now() - generatedIn;
    // Timed against the database at rest, as a running server finds it, not with the generator's WAL to read through.
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const now = province.now;
    const clock = { now: () => now };
    const services = createServices({ db, clock });
    const ctx: ServiceContext = { db, clock, actor: 'bench' };
    const periods = dashboardPeriods(now);
    const rules = defaultMeetingRules;

    // Viewers: the province admin, a committee member of the largest bloc, a branch secretary.
    const [bloc] = await db.all<{ id: number; path: string }>(sql`
      SELECT u.id, u.path FROM units u WHERE u.parent_id = ${province.rootUnitId}
      ORDER BY (SELECT count(*) FROM units c WHERE c.path LIKE u.path || '%') DESC LIMIT 1`);
    const [blocOfficer] = await db.all<{ id: number }>(sql`
      INSERT INTO members (code, full_name, unit_id, role, status, created_at, updated_at)
      VALUES ('BENCH-UV', 'Ủy viên Ban Thường vụ', ${bloc!.id}, 'committee_member', 'full', ${now.getTime()}, ${now.getTime()}) RETURNING id`);
    const [secretary] = await db.all<{ id: number }>(sql`SELECT id FROM members WHERE role = 'secretary' ORDER BY id LIMIT 1`);
    const viewers: [string, DashboardViewer][] = [
      ['admin (province)', adminViewer],
      ['committee (bloc)', (await loadMemberViewer(ctx, blocOfficer!.id))!],
      ['secretary (branch)', (await loadMemberViewer(ctx, secretary!.id))!],
    ];
    const [contest] = await db.all<{ id: number; set_id: number }>(sql`SELECT id, set_id FROM contests ORDER BY id LIMIT 1`);

    const figures: BenchFigure[] = [];
    for (const [who, viewer] of viewers) {
      const floors = floorQueries(viewer, periods, contest!);
      const pages: [string, () => Promise<unknown>, SQL[]][] = [
        ['overview', () => services.dashboardOverview({ viewer, rules }), floors.overview],
        ['units', () => services.unitBreakdown({ viewer, rules }), floors.units],
        ['meetings', async () => {
          await services.complianceMatrix({ viewer, rules });
          await services.meetingList({ viewer });
        }, floors.meetings],
        ['documents', () => services.documentReport({ viewer }), floors.documents],
        ['quizzes', () => services.quizReport({ viewer }), floors.quizzes],
        ['quiz-set', () => services.scopedQuestionStats({ viewer, setId: contest!.set_id }), floors.questions],
        ['contest', () => services.scopedLeaderboard({ viewer, contestId: contest!.id }), floors.leaderboard],
      ];
      if (viewer.unitId !== null) pages.push(['members', () => services.memberActivity({ viewer }), floors.members(viewer.unitId)]);
      for (const [page, load, floor] of pages) {
        // Interleave page and floor runs so a busy machine weighs on both alike; a page of a
        // fraction of a millisecond runs hundreds of times, or its median would be noise.
        const runFloor = async () => {
          for (const q of floor) await db.all(q);
        };
        const pageTimes: number[] = [];
        const floorTimes: number[] = [];
        for (let started = performance.now(), n = 0; n < minWarmUps || performance.now() - started < warmUpMs; n++) {
          await load();
          await runFloor();
        }
        for (const started = performance.now(); pageTimes.length < maxRuns && (pageTimes.length < minRuns || performance.now() - started < measureMs); ) {
          pageTimes.push(...(await time(load, 1, 0)));
          floorTimes.push(...(await time(runFloor, 1, 0)));
        }
        const p = median(pageTimes);
        const f = median(floorTimes);
        const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 1)} ms`;
        figures.push({
          bench: 'bench/dashboard.ts',
          metric: `dashboard ${page}, ${who}: data of the page (median of ${pageTimes.length})`,
          result: ms(p),
          baseline: `hand-written SQL: ${ms(f)}`,
          ratio: `${(p / f).toFixed(2)}×`,
          target: `< ${targetMs} ms and ≤ ${targetRatio}×`,
          met: p < targetMs && p / f <= targetRatio,
        });
      }
    }
    figures.push({
      bench: 'bench/dashboard.ts',
      metric: `province dataset at scale ${scale}: ${province.members} members, ${province.leaves} branches, 24 months`,
      result: `generated in ${(generation / 1000).toFixed(1)} s`,
      notes: floorNotes,
    });
    return figures;
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What each floor runs, printed under the table. */
const floorNotes = [
  'Each floor is the SQL a page needs written by hand, run in the same loop as the page: every row and figure the page shows (names and labels included), for the same scope and periods, read from the rollups where the page reads them (unit_members, unit_document_study, unit_quiz_months, unit_quiz_sets, unit_contest_entrants, unit_question_stats, kept by the triggers of migrations 0014 and 0018) and from the meetings with their trigger-kept counters, with every sum and grouping done in SQL. Meetings are required monthly (the default rules).',
  'overview: every unit in scope with its members, linked members, meeting counters and required-meeting months, confirmed study of current documents (only where a document was sent), the number of current documents sent to it (study due) and quiz figures of the last 12 months, in one query handed over as one JSON text; attendance by month; per current document its label, members due and confirmations; the targets that apply (none are set in the dataset). Study due comes from each current audience\'s units in scope (an index range per audience), joined to the member counts.',
  'units: the rows (units directly under the scope, with names and whether they have children); per row, in SQL, members, meeting counters, confirmed and due study, quiz figures; required-meeting months per unit (the half-year rule needs them); the same figures per type of the highest grassroots organisation in scope above each unit (or the unit itself).',
  'meetings: the rows with names; per row and month, required meetings due and held; the latest 100 meetings with unit name, kind, status, rating, invitees, replies, present and absent counts (from the replies index, migration 0019) and feedback.',
  'documents: the 30 latest documents reaching the scope with labels and draft summaries; the rows with names and own members; per document and row, the members it was sent to and their confirmations (from the rollup).',
  'quizzes: every quiz set and contest reaching the scope, titled, with participants, attempts, scores and passes per set and entrants per contest, from the rollups.',
  'quiz-set: the set\'s title, whether it reaches the scope and has a contest open, and per question its text and the sums over the units in scope from unit_question_stats (answers, right answers, choices per option, the sums the discrimination index needs; migration 0018), in one query.',
  'contest: its title and whether it reaches the scope; then in one query the contest-wide count of perfect scores, per entrant in scope the best attempt (one GROUP BY with a sortable min() key), attempt count and latest prediction, the top 100 ranked with the prediction nearest the perfect count, named, and the count in scope.',
  'members: each member of the unit with role, exemption, linked channels, whether blocked, and their latest quiz, reply, check-in, reading, study and feedback times.',
];

/**
 * The SQL each page needs, written by hand: every row and figure the page shows, totals and
 * groupings straight from the tables and rollups, no per-unit assembly in JavaScript. This is
 * the floor the services are held to.
 */
export function floorQueries(viewer: DashboardViewer, p: ReturnType<typeof dashboardPeriods>, contest: { id: number; set_id: number }) {
  const scope = unitInScope(viewer);
  const rootPath = viewer.unitPath ?? '/';
  const child = childPathSql(rootPath);
  // The rows of a drill-down: the units directly under the scope's unit and the unit itself (the tree's tops for the admin).
  const rootRows = viewer.unitId === null ? sql`u.parent_id IS NULL` : sql`(u.parent_id = ${viewer.unitId} OR u.id = ${viewer.unitId})`;
  const hasChildren = sql`EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id AND ${unitInScope(viewer, 'c')})`;
  const reaches = (alias: string, table: string, column: string) => audienceMeetsScope(viewer.unitPath, alias, table, column);
  const grassroots = sql.raw(`'dang_bo_co_so', 'chi_bo_co_so'`);
  // Document `id` was sent to an audience containing unit `u`.
  const sentTo = (id: string) => sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id
    WHERE du.document_id = ${sql.raw(id)} AND u.path LIKE pu.path || '%')`;
  const window = sql`mt.status = 'scheduled' AND mt.starts_at >= ${p.twelveMonthsFrom} AND mt.starts_at <= ${p.now}`;
  const required = sql`((u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') AND mt.kind = 'dinh_ky') OR (u.kind = 'dang_bo_co_so' AND mt.kind = 'chi_uy'))`;
  const current = sql`r.document_id IN (SELECT document_id FROM document_units WHERE published_at >= ${p.twelveMonthsFrom})`;
  const sent = sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id WHERE du.document_id = r.document_id AND u.path LIKE pu.path || '%')`;
  // Each (current document, unit in scope) it was sent to: from the few current audiences, each unit under one by an index range.
  const currentlySent = sql`SELECT DISTINCT du.document_id, u.id AS unit_id FROM document_units du JOIN units pu ON pu.id = du.unit_id
    JOIN units u ON u.path >= pu.path AND u.path < substr(pu.path, 1, length(pu.path) - 1) || '0'
    WHERE du.published_at >= ${p.twelveMonthsFrom} AND ${scope}`;
  // The half-year rule looks no further back than the half-year (meetings are required every month).
  const held = sql`SELECT mt.unit_id, group_concat(DISTINCT mt.month) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} AND mt.month >= ${p.halfYearStart} AND ${required} GROUP BY mt.unit_id`;
  const monthly = sql`SELECT mt.month, count(*), sum(mt.counted_attendance), sum(mt.present_attendance) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} AND mt.counted_attendance > 0 GROUP BY mt.month`;
  // Every figure of every unit in scope, one row per unit.
  const unitFigures = sql`SELECT u.id, u.code, u.name, u.path, u.kind, u.type, u.parent_id, u.created_at, um.members, um.linked,
      mt.expected, mt.present, mt.feedback, mt.feedback_sum, mt.held, st.confirmed, rd.readable,
      qz.participants, qz.passed, qz.correct, qz.questions
    FROM units u LEFT JOIN unit_members um ON um.unit_id = u.id
    LEFT JOIN (SELECT mt.unit_id, sum(mt.counted_attendance) AS expected, sum(mt.present_attendance) AS present, sum(mt.feedback_count) AS feedback,
        sum(mt.feedback_sum) AS feedback_sum, group_concat(DISTINCT CASE WHEN ${required} THEN mt.month END) AS held
      FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} GROUP BY mt.unit_id) mt ON mt.unit_id = u.id
    LEFT JOIN (SELECT r.unit_id, sum(r.confirmed) AS confirmed FROM unit_document_study r JOIN units u ON u.id = r.unit_id
      WHERE ${scope} AND ${current} AND ${sent} GROUP BY r.unit_id) st ON st.unit_id = u.id
    LEFT JOIN (SELECT r.unit_id, sum(r.participants) AS participants, sum(r.passed) AS passed, sum(r.correct) AS correct, sum(r.questions) AS questions
      FROM unit_quiz_months r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND r.month >= ${p.twelveMonthsStart} GROUP BY r.unit_id) qz ON qz.unit_id = u.id
    LEFT JOIN (SELECT unit_id, count(*) AS readable FROM (${currentlySent}) GROUP BY unit_id) rd ON rd.unit_id = u.id
    WHERE ${scope}`;
  const figureSums = sql.raw(`sum(f.members), sum(f.linked), sum(f.expected), sum(f.present), sum(f.feedback), sum(f.feedback_sum), sum(f.confirmed),
    sum(f.members * f.readable), sum(f.participants), sum(f.passed), sum(f.correct), sum(f.questions)`);
  const perUnit = sql`SELECT json_group_array(json_array(id, code, name, path, kind, type, parent_id, created_at, members, linked, expected, present,
      feedback, feedback_sum, held, confirmed, readable, participants, passed, correct, questions)) FROM (${unitFigures})`;
  const rows = sql`SELECT u.id, u.code, u.name, u.kind, u.type, um.members, ${hasChildren} FROM units u LEFT JOIN unit_members um ON um.unit_id = u.id
    WHERE ${scope} AND ${rootRows}`;
  const latestDocuments = sql`SELECT d.id FROM documents d WHERE ${reaches('d', 'document_units', 'document_id')} ORDER BY d.id DESC LIMIT 30`;
  const invitees = (filter: SQL) => sql`(SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.is_guide = 0 ${filter})`;
  return {
    // The overview lists units needing attention, so it needs every figure per unit, plus the months, documents and targets.
    overview: [
      perUnit,
      monthly,
      sql`SELECT d.id, coalesce(d.number, d.title, d.source_name), due.members,
          (SELECT sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND r.document_id = d.id AND ${sent})
        FROM documents d LEFT JOIN (SELECT x.document_id, sum(um.members) AS members FROM (${currentlySent}) x
          JOIN unit_members um ON um.unit_id = x.unit_id GROUP BY x.document_id) due ON due.document_id = d.id
        WHERE d.id IN (SELECT document_id FROM document_units WHERE published_at >= ${p.twelveMonthsFrom}) ORDER BY d.id DESC`,
      sql`SELECT t.id, t.unit_id, u.name, u.path, t.document_id, coalesce(d.number, d.title, d.source_name), t.label, t.metric, t.value
        FROM dashboard_targets t JOIN units u ON u.id = t.unit_id LEFT JOIN documents d ON d.id = t.document_id
        WHERE ${viewer.unitPath === null ? sql`1 = 1` : sql`${viewer.unitPath} LIKE u.path || '%'`} ORDER BY u.path, t.id`,
    ],
    units: [
      rows,
      // Every unit's figures once; summed per row, and per type of the grassroots organisation
      // above each unit (or the unit itself), with the organisations of each type in scope.
      sql`WITH f AS MATERIALIZED (${unitFigures})
        SELECT 'row', ${childPathSql(rootPath, 'f')} AS c, NULL, ${figureSums}
        FROM f GROUP BY c
        UNION ALL
        SELECT 'type', o.type, count(DISTINCT CASE WHEN o.id = f.id THEN o.id END), ${figureSums}
        FROM f LEFT JOIN units p1 ON p1.id = f.parent_id LEFT JOIN units p2 ON p2.id = p1.parent_id LEFT JOIN units p3 ON p3.id = p2.parent_id
        JOIN units o ON o.id = CASE WHEN p3.kind IN (${grassroots}) AND ${unitInScope(viewer, 'p3')} THEN p3.id
          WHEN p2.kind IN (${grassroots}) AND ${unitInScope(viewer, 'p2')} THEN p2.id WHEN p1.kind IN (${grassroots}) AND ${unitInScope(viewer, 'p1')} THEN p1.id
          WHEN f.kind IN (${grassroots}) THEN f.id END
        GROUP BY o.type`,
      held,
    ],
    meetings: [
      rows,
      // Per row and month: the units that held their required meeting; per row and month added, the units that must hold one.
      sql`SELECT ${child} AS c, mt.month, count(DISTINCT mt.unit_id) FROM meetings mt JOIN units u ON u.id = mt.unit_id
        WHERE ${scope} AND ${window} AND ${required} GROUP BY c, mt.month`,
      sql`SELECT ${child} AS c, max(${sql.raw(monthIndexSql('u.created_at'))}, ${p.twelveMonthsStart}) AS since, count(*) FROM units u
        WHERE ${scope} AND u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc', 'dang_bo_co_so') GROUP BY c, since`,
      sql`SELECT mt.id, mt.starts_at, mt.kind, mt.status, mt.rating, u.name, ${invitees(sql``)}, ${invitees(sql`AND i.reply = 'attending'`)},
          ${invitees(sql`AND i.reply = 'excused'`)}, mt.present_attendance, ${invitees(sql`AND i.attendance = 'absent'`)}, mt.feedback_count, mt.feedback_sum
        FROM (SELECT mt.id FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND mt.starts_at >= ${p.twelveMonthsFrom}
          ORDER BY mt.starts_at DESC LIMIT 100) latest
        JOIN meetings mt ON mt.id = latest.id JOIN units u ON u.id = mt.unit_id ORDER BY mt.starts_at DESC`,
    ],
    documents: [
      sql`SELECT d.id, coalesce(d.number, d.title, d.source_name), d.title, d.kind,
          (SELECT count(*) FROM document_summaries s WHERE s.document_id = d.id AND s.status = 'draft')
        FROM documents d WHERE d.id IN (${latestDocuments}) ORDER BY d.id DESC`,
      rows,
      // Members due per document and row: the whole row when an audience unit is above it, else those under the audience units inside it.
      sql`WITH row_members AS MATERIALIZED (SELECT ${child} AS c, sum(um.members) AS members FROM unit_members um JOIN units u ON u.id = um.unit_id
          WHERE ${scope} GROUP BY c)
        SELECT d.id, x.c, CASE WHEN EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id WHERE du.document_id = d.id AND x.c LIKE pu.path || '%')
            THEN x.members
            ELSE (SELECT sum(um.members) FROM unit_members um JOIN units u ON u.id = um.unit_id
              WHERE ${scope} AND u.path >= x.c AND u.path < substr(x.c, 1, length(x.c) - 1) || '0' AND ${sentTo('d.id')}) END
        FROM (${latestDocuments}) d CROSS JOIN row_members x`,
      sql`SELECT r.document_id, ${child} AS c, sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id
        WHERE ${scope} AND r.document_id IN (${latestDocuments}) AND ${sent} GROUP BY r.document_id, c`,
    ],
    quizzes: [
      sql`SELECT qs.id, qs.title, x.participants, x.attempts, x.correct, x.questions, x.passed FROM quiz_sets qs
        LEFT JOIN (SELECT r.set_id, sum(r.participants) AS participants, sum(r.attempts) AS attempts, sum(r.correct) AS correct, sum(r.questions) AS questions,
          sum(r.passed) AS passed FROM unit_quiz_sets r JOIN units u ON u.id = r.unit_id WHERE ${scope} GROUP BY r.set_id) x ON x.set_id = qs.id
        WHERE ${reaches('qs', 'quiz_set_units', 'set_id')} ORDER BY qs.id DESC`,
      sql`SELECT c.id, c.title, c.opens_at, c.closes_at, x.entrants FROM contests c
        LEFT JOIN (SELECT r.contest_id, sum(r.entrants) AS entrants FROM unit_contest_entrants r JOIN units u ON u.id = r.unit_id WHERE ${scope}
          GROUP BY r.contest_id) x ON x.contest_id = c.id
        WHERE ${reaches('c', 'contest_units', 'contest_id')} ORDER BY c.opens_at DESC`,
    ],
    questions: [
      sql`SELECT qs.title, ${reaches('qs', 'quiz_set_units', 'set_id')},
          EXISTS (SELECT 1 FROM contests c WHERE c.set_id = qs.id AND c.opens_at <= ${p.now} AND c.closes_at > ${p.now})
        FROM quiz_sets qs WHERE qs.id = ${contest.set_id}`,
      sql`SELECT q.id, q.key, q.text, q.options, x.*
        FROM quiz_questions q LEFT JOIN (SELECT r.question_id, sum(r.answers), sum(r.correct), sum(r.score_sum), sum(r.score_squares), sum(r.correct_score_sum),
            sum(r.chose_0), sum(r.chose_1), sum(r.chose_2), sum(r.chose_3), sum(r.chose_4), sum(r.chose_5), sum(r.chose_6), sum(r.chose_7)
          FROM unit_question_stats r JOIN units u ON u.id = r.unit_id
          WHERE r.question_id IN (SELECT id FROM quiz_questions WHERE set_id = ${contest.set_id}) AND ${scope} GROUP BY r.question_id) x ON x.question_id = q.id
        WHERE q.set_id = ${contest.set_id}`,
    ],
    leaderboard: [
      sql`SELECT c.title, ${reaches('c', 'contest_units', 'contest_id')} FROM contests c WHERE c.id = ${contest.id}`,
      // The contest-wide count of perfect scores (the prediction tie-break); per entrant in scope the
      // best attempt (score, then time, then the earlier attempt) picked by one min() over a sortable
      // key, the attempt count and the latest prediction; the top 100 by score, prediction (nearest
      // the perfect count), time and member id, named; and the number of entrants in scope.
      sql`WITH scored AS (
          SELECT a.id, a.member_id, a.prediction, json_array_length(a.question_ids) AS total, a.finished_at - a.started_at AS duration_ms,
            coalesce(a.correct_count, (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id AND x.is_correct)) AS correct
          FROM quiz_attempts a WHERE a.contest_id = ${contest.id} AND a.finished_at IS NOT NULL),
        perfect AS (SELECT count(*) AS n FROM (SELECT max(correct) AS best, max(total) AS total FROM scored GROUP BY member_id) WHERE best = total),
        best AS MATERIALIZED (
          SELECT s.member_id, count(*) AS attempts, min(printf('%06d%012d%010d', 999999 - s.correct, s.duration_ms, s.id)) AS rank_key,
            CAST(substr(max(CASE WHEN s.prediction IS NOT NULL THEN printf('%010d:%d', s.id, s.prediction) END), 12) AS INTEGER) AS prediction,
            max(s.total) AS total
          FROM scored s JOIN members m ON m.id = s.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} GROUP BY s.member_id)
        SELECT b.*, m.code, m.full_name, u.code, u.name, (SELECT count(*) FROM best)
        FROM (SELECT member_id, attempts, total, prediction, 999999 - CAST(substr(rank_key, 1, 6) AS INTEGER) AS correct, CAST(substr(rank_key, 7, 12) AS INTEGER) AS duration_ms
          FROM best ORDER BY correct DESC, prediction IS NULL, abs(prediction - (SELECT n FROM perfect)), duration_ms, member_id LIMIT 100) b
        JOIN members m ON m.id = b.member_id JOIN units u ON u.id = m.unit_id`,
    ],
    members: (unitId: number) => [
      sql`SELECT m.full_name, m.role, m.exempt, (SELECT group_concat(a.channel) FROM channel_accounts a WHERE a.member_id = m.id),
          EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id AND a.blocked_at IS NOT NULL),
          (SELECT max(started_at) FROM quiz_attempts WHERE member_id = m.id),
          (SELECT max(max(coalesce(replied_at, 0), coalesce(checked_in_at, 0))) FROM meeting_invitees WHERE member_id = m.id),
          (SELECT max(max(coalesce(opened_at, 0), coalesce(confirmed_at, 0))) FROM document_study WHERE member_id = m.id),
          (SELECT max(created_at) FROM meeting_feedback WHERE member_id = m.id)
        FROM members m WHERE m.unit_id = ${unitId} ORDER BY m.full_name`,
    ],
  };
}

if (isMain(import.meta.url)) {
  const figures = await runDashboardBench(Number(process.argv[2] ?? process.env.DASHBOARD_BENCH_SCALE ?? 1));
  for (const f of figures) console.log(`${f.met === false ? '✗' : f.met ? '✓' : '·'} ${f.metric}: ${f.result}${f.baseline ? ` (${f.baseline}, ${f.ratio})` : ''}`);
}
