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
import { childPathSql } from '../src/services/dashboard/subtree-rows';
import { type DashboardViewer, adminViewer, loadMemberViewer, unitInScope } from '../src/services/dashboard/viewer';
import { dashboardPeriods } from '../src/services/dashboard/periods';
import { defaultMeetingRules } from '../src/services/meetings/meeting-rules';
import { type BenchFigure, isMain, median, time } from './harness';
import { generateProvince } from './province-data';

const runs = 5;
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
      const scope = unitInScope(viewer);
      const rootPath = viewer.unitPath ?? '/';
      const floors = floorQueries(scope, rootPath, periods, contest!);
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
        // Interleave page and floor runs so a busy machine weighs on both alike.
        const pageTimes: number[] = [];
        const floorTimes: number[] = [];
        await load();
        for (const q of floor) await db.all(q);
        for (let i = 0; i < runs; i++) {
          pageTimes.push(...(await time(load, 1, 0)));
          floorTimes.push(...(await time(async () => {
            for (const q of floor) await db.all(q);
          }, 1, 0)));
        }
        const p = median(pageTimes);
        const f = median(floorTimes);
        figures.push({
          bench: 'bench/dashboard.ts',
          metric: `dashboard ${page}, ${who}: data of the page (median of ${runs})`,
          result: `${p.toFixed(1)} ms`,
          baseline: `hand-written SQL: ${f.toFixed(1)} ms`,
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
  'Each floor is the SQL a page needs written by hand, run in the same loop as the page: the same rows, scope and periods, read from the rollups where the page reads them (unit_members, unit_document_study, unit_quiz_months, unit_quiz_sets, unit_contest_entrants, unit_question_stats, kept by the triggers of migrations 0014 and 0018) and from the meetings with their trigger-kept counters.',
  'overview: every unit in scope with its members, linked members, meeting counters and required-meeting months, confirmed study of current documents (only where a document was sent) and quiz figures of the last 12 months, in one query handed over as one JSON text; attendance by month; confirmations per current document. No targets are set in the dataset.',
  'units: the same figures summed per unit directly under the scope in SQL (one row per child), plus the required-meeting months per unit, which the half-year rule needs.',
  'meetings: required meetings per child unit and month; the latest 100 meetings with their counters and reply counts.',
  'documents: confirmations per document and child unit from the rollup (only where the document was sent); members per child unit.',
  'quizzes: participants, attempts, scores and passes per quiz set, and entrants per contest, from the rollups.',
  'quiz-set: per question its text and the sums over the units in scope from unit_question_stats (answers, right answers, choices per option, the sums the discrimination index needs; migration 0018).',
  'contest: the contest-wide count of perfect scores, then per entrant in scope the best attempt (one GROUP BY with a sortable min() key instead of the page\'s window functions), attempt count and latest prediction; the top 100 with names, and the count in scope.',
  'members: each member of the unit with their latest quiz, reply, study and feedback times.',
];

/**
 * The SQL each page needs, written by hand: totals and groupings straight from the
 * tables and rollups, no per-unit assembly in JavaScript. This is the floor the services are held to.
 */
function floorQueries(scope: SQL, rootPath: string, p: ReturnType<typeof dashboardPeriods>, contest: { id: number; set_id: number }) {
  const window = sql`mt.status = 'scheduled' AND mt.starts_at >= ${p.twelveMonthsFrom} AND mt.starts_at <= ${p.now}`;
  const child = childPathSql(rootPath);
  const required = sql`((u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') AND mt.kind = 'dinh_ky') OR (u.kind = 'dang_bo_co_so' AND mt.kind = 'chi_uy'))`;
  const current = sql`r.document_id IN (SELECT document_id FROM document_units WHERE published_at >= ${p.twelveMonthsFrom})`;
  const sent = sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id WHERE du.document_id = r.document_id AND u.path LIKE pu.path || '%')`;
  // The half-year rule looks no further back than the half-year (meetings are required every month).
  const held = sql`SELECT mt.unit_id, group_concat(DISTINCT mt.month) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} AND mt.month >= ${p.halfYearStart} AND ${required} GROUP BY mt.unit_id`;
  const monthly = sql`SELECT mt.month, count(*), sum(mt.counted_attendance), sum(mt.present_attendance) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} AND mt.counted_attendance > 0 GROUP BY mt.month`;
  const perUnit = sql`SELECT json_group_array(json_array(id, code, name, path, kind, parent_id, created_at, members, linked, expected, present, feedback, feedback_sum, held,
      confirmed, participants, passed, correct, questions)) FROM (
    SELECT u.id, u.code, u.name, u.path, u.kind, u.parent_id, u.created_at, um.members, um.linked, mt.expected, mt.present, mt.feedback, mt.feedback_sum, mt.held,
      st.confirmed, qz.participants, qz.passed, qz.correct, qz.questions
    FROM units u LEFT JOIN unit_members um ON um.unit_id = u.id
    LEFT JOIN (SELECT mt.unit_id, sum(mt.counted_attendance) AS expected, sum(mt.present_attendance) AS present, sum(mt.feedback_count) AS feedback,
        sum(mt.feedback_sum) AS feedback_sum, group_concat(DISTINCT CASE WHEN ${required} THEN mt.month END) AS held
      FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} GROUP BY mt.unit_id) mt ON mt.unit_id = u.id
    LEFT JOIN (SELECT r.unit_id, sum(r.confirmed) AS confirmed FROM unit_document_study r JOIN units u ON u.id = r.unit_id
      WHERE ${scope} AND ${current} AND ${sent} GROUP BY r.unit_id) st ON st.unit_id = u.id
    LEFT JOIN (SELECT r.unit_id, sum(r.participants) AS participants, sum(r.passed) AS passed, sum(r.correct) AS correct, sum(r.questions) AS questions
      FROM unit_quiz_months r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND r.month >= ${p.twelveMonthsStart} GROUP BY r.unit_id) qz ON qz.unit_id = u.id
    WHERE ${scope})`;
  const perfectEntrants = sql`SELECT count(*) FROM (SELECT max(a.correct_count) AS best, max(json_array_length(a.question_ids)) AS total
    FROM quiz_attempts a WHERE a.contest_id = ${contest.id} AND a.finished_at IS NOT NULL GROUP BY a.member_id) WHERE best = total`;
  const membersPerChild = sql`SELECT ${child} AS c, sum(r.members), sum(r.linked) FROM unit_members r JOIN units u ON u.id = r.unit_id WHERE ${scope} GROUP BY c`;
  return {
    // The overview lists units needing attention, so it needs every figure per unit, plus the months and documents.
    overview: [
      perUnit,
      monthly,
      sql`SELECT r.document_id, sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND ${current} AND ${sent} GROUP BY r.document_id`,
    ],
    units: [
      membersPerChild,
      sql`SELECT ${child} AS c, sum(mt.counted_attendance), sum(mt.present_attendance), sum(mt.feedback_count), sum(mt.feedback_sum)
        FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} GROUP BY c`,
      held,
      sql`SELECT ${child} AS c, sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND ${current} AND ${sent} GROUP BY c`,
      sql`SELECT ${child} AS c, sum(r.participants), sum(r.passed), sum(r.correct), sum(r.questions) FROM unit_quiz_months r JOIN units u ON u.id = r.unit_id
        WHERE ${scope} AND r.month >= ${p.twelveMonthsStart} GROUP BY c`,
    ],
    meetings: [
      sql`SELECT ${child} AS c, mt.month, count(DISTINCT mt.unit_id) FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} AND ${required} GROUP BY c, mt.month`,
      sql`SELECT mt.id, mt.starts_at, mt.counted_attendance, mt.present_attendance, mt.feedback_count, mt.feedback_sum,
        (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.reply = 'attending'),
        (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.reply = 'excused')
        FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND mt.starts_at >= ${p.twelveMonthsFrom} ORDER BY mt.starts_at DESC LIMIT 100`,
    ],
    documents: [
      sql`SELECT r.document_id, ${child} AS c, sum(r.confirmed) FROM unit_document_study r JOIN units u ON u.id = r.unit_id WHERE ${scope} AND ${sent} GROUP BY r.document_id, c`,
      membersPerChild,
    ],
    quizzes: [
      sql`SELECT r.set_id, sum(r.participants), sum(r.attempts), sum(r.correct), sum(r.questions), sum(r.passed) FROM unit_quiz_sets r JOIN units u ON u.id = r.unit_id
        WHERE ${scope} GROUP BY r.set_id`,
      sql`SELECT r.contest_id, sum(r.entrants) FROM unit_contest_entrants r JOIN units u ON u.id = r.unit_id WHERE ${scope} GROUP BY r.contest_id`,
    ],
    questions: [
      sql`SELECT q.id, q.key, q.text, q.options, sum(r.answers), sum(r.correct), sum(r.score_sum), sum(r.score_squares), sum(r.correct_score_sum),
          sum(r.chose_0), sum(r.chose_1), sum(r.chose_2), sum(r.chose_3), sum(r.chose_4), sum(r.chose_5), sum(r.chose_6), sum(r.chose_7)
        FROM quiz_questions q JOIN unit_question_stats r ON r.question_id = q.id JOIN units u ON u.id = r.unit_id
        WHERE ${scope} AND q.set_id = ${contest.set_id} GROUP BY q.id`,
    ],
    leaderboard: [
      perfectEntrants,
      // Per entrant in scope: the best attempt (score, then time, then the earlier attempt) picked
      // by one min() over a sortable key, the attempt count and the latest prediction; the top 100
      // by score, prediction (nearest a fixed count standing in for the perfect scores), time and
      // member id, named; and the number of entrants in scope.
      sql`WITH best AS MATERIALIZED (
          SELECT a.member_id, count(*) AS attempts, max(json_array_length(a.question_ids)) AS total,
            min(printf('%06d%012d%010d', 999999 - a.correct_count, a.finished_at - a.started_at, a.id)) AS rank_key,
            CAST(substr(max(CASE WHEN a.prediction IS NOT NULL THEN printf('%010d:%d', a.id, a.prediction) END), 12) AS INTEGER) AS prediction
          FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
          WHERE ${scope} AND a.contest_id = ${contest.id} AND a.finished_at IS NOT NULL GROUP BY a.member_id)
        SELECT b.*, m.code, m.full_name, u.code, u.name, (SELECT count(*) FROM best)
        FROM (SELECT member_id, attempts, total, prediction, 999999 - CAST(substr(rank_key, 1, 6) AS INTEGER) AS correct, CAST(substr(rank_key, 7, 12) AS INTEGER) AS duration_ms
          FROM best ORDER BY correct DESC, prediction IS NULL, abs(prediction - 5), duration_ms, member_id LIMIT 100) b
        JOIN members m ON m.id = b.member_id JOIN units u ON u.id = m.unit_id`,
    ],
    members: (unitId: number) => [
      sql`SELECT m.full_name, (SELECT max(started_at) FROM quiz_attempts WHERE member_id = m.id), (SELECT max(replied_at) FROM meeting_invitees WHERE member_id = m.id),
        (SELECT max(confirmed_at) FROM document_study WHERE member_id = m.id), (SELECT max(created_at) FROM meeting_feedback WHERE member_id = m.id)
        FROM members m WHERE m.unit_id = ${unitId}`,
    ],
  };
}

if (isMain(import.meta.url)) {
  const figures = await runDashboardBench(Number(process.argv[2] ?? process.env.DASHBOARD_BENCH_SCALE ?? 1));
  for (const f of figures) console.log(`${f.met === false ? '✗' : f.met ? '✓' : '·'} ${f.metric}: ${f.result}${f.baseline ? ` (${f.baseline}, ${f.ratio})` : ''}`);
}
