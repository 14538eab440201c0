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
import { type DashboardViewer, adminViewer, loadMemberViewer } from '../src/services/dashboard/viewer';
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
      const scope = viewer.role === 'admin' ? sql`1 = 1` : viewer.role === 'secretary' ? sql`u.id = ${viewer.unitId}` : sql`u.path LIKE ${`${viewer.unitPath}%`}`;
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
    });
    return figures;
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The SQL each page needs, written by hand: totals and groupings straight from the
 * tables, no per-unit assembly in JavaScript. This is the floor the services are held to.
 */
function floorQueries(scope: SQL, rootPath: string, p: ReturnType<typeof dashboardPeriods>, contest: { id: number; set_id: number }) {
  const window = sql`mt.status = 'scheduled' AND mt.starts_at >= ${p.twelveMonthsFrom} AND mt.starts_at <= ${p.now}`;
  const child = childPathSql(rootPath);
  const held = sql`SELECT mt.unit_id, count(DISTINCT mt.month) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} AND mt.month >= ${p.halfYearStart}
      AND ((u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') AND mt.kind = 'dinh_ky') OR (u.kind = 'dang_bo_co_so' AND mt.kind = 'chi_uy')) GROUP BY mt.unit_id`;
  const monthly = sql`SELECT mt.month, sum(mt.counted_attendance), sum(mt.present_attendance) FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${scope} AND ${window} GROUP BY mt.month`;
  const perUnit = [
    sql`SELECT m.unit_id, count(*), sum(EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id)) FROM members m JOIN units u ON u.id = m.unit_id WHERE ${scope} GROUP BY m.unit_id`,
    sql`SELECT mt.unit_id, sum(mt.counted_attendance), sum(mt.present_attendance), sum(mt.feedback_count), sum(mt.feedback_sum),
      group_concat(DISTINCT CASE WHEN mt.kind IN ('dinh_ky', 'chi_uy') THEN mt.month END)
      FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} GROUP BY mt.unit_id`,
    sql`SELECT m.unit_id, count(*) FROM document_study s JOIN members m ON m.id = s.member_id JOIN units u ON u.id = m.unit_id
      WHERE ${scope} AND s.confirmed_at IS NOT NULL AND s.document_id IN (SELECT document_id FROM document_units WHERE published_at >= ${p.twelveMonthsFrom}) GROUP BY m.unit_id`,
    sql`SELECT m.unit_id, count(DISTINCT a.member_id), sum(a.correct_count), sum(json_array_length(a.question_ids))
      FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} AND a.finished_at >= ${p.twelveMonthsFrom} GROUP BY m.unit_id`,
  ];
  const perfectEntrants = sql`SELECT count(*) FROM (SELECT max(a.correct_count) AS best, max(json_array_length(a.question_ids)) AS total
    FROM quiz_attempts a WHERE a.contest_id = ${contest.id} AND a.finished_at IS NOT NULL GROUP BY a.member_id) WHERE best = total`;
  return {
    // The overview lists units needing attention, so it needs every figure per unit, plus the months and documents.
    overview: [
      ...perUnit,
      monthly,
      sql`SELECT s.document_id, count(*) FROM document_study s JOIN members m ON m.id = s.member_id JOIN units u ON u.id = m.unit_id
        WHERE ${scope} AND s.confirmed_at IS NOT NULL AND s.document_id IN (SELECT document_id FROM document_units WHERE published_at >= ${p.twelveMonthsFrom}) GROUP BY s.document_id`,
    ],
    units: [
      sql`SELECT ${child} AS c, count(*) FROM members m JOIN units u ON u.id = m.unit_id WHERE ${scope} GROUP BY c`,
      sql`SELECT ${child} AS c, sum(mt.counted_attendance), sum(mt.present_attendance), sum(mt.feedback_sum) FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} GROUP BY c`,
      held,
      sql`SELECT ${child} AS c, count(*) FROM document_study s JOIN members m ON m.id = s.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} AND s.confirmed_at IS NOT NULL GROUP BY c`,
      sql`SELECT ${child} AS c, count(DISTINCT a.member_id), sum(a.correct_count) FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} AND a.finished_at >= ${p.twelveMonthsFrom} GROUP BY c`,
    ],
    meetings: [
      sql`SELECT ${child} AS c, mt.month, count(DISTINCT mt.unit_id) FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND ${window} AND mt.kind IN ('dinh_ky', 'chi_uy') GROUP BY c, mt.month`,
      sql`SELECT mt.id, mt.starts_at, mt.counted_attendance, mt.present_attendance, mt.feedback_count, mt.feedback_sum,
        (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.reply = 'attending'),
        (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.reply = 'excused')
        FROM meetings mt JOIN units u ON u.id = mt.unit_id WHERE ${scope} AND mt.starts_at >= ${p.twelveMonthsFrom} ORDER BY mt.starts_at DESC LIMIT 100`,
    ],
    documents: [
      sql`SELECT s.document_id, ${child} AS c, count(*) FROM document_study s JOIN members m ON m.id = s.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} AND s.confirmed_at IS NOT NULL GROUP BY s.document_id, c`,
      sql`SELECT ${child} AS c, count(*) FROM members m JOIN units u ON u.id = m.unit_id WHERE ${scope} GROUP BY c`,
    ],
    quizzes: [
      sql`SELECT a.contest_id, count(DISTINCT a.member_id) FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
        WHERE ${scope} AND a.contest_id IS NOT NULL AND a.finished_at IS NOT NULL GROUP BY a.contest_id`,
      sql`SELECT a.set_id, count(DISTINCT a.member_id), count(*), sum(a.correct_count) FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id WHERE ${scope} AND a.finished_at IS NOT NULL GROUP BY a.set_id`,
    ],
    questions: [
      sql`SELECT x.question_id, x.chosen, count(*), sum(x.is_correct) FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
        JOIN quiz_answers x ON x.attempt_id = a.id WHERE ${scope} AND a.set_id = ${contest.set_id} AND a.finished_at IS NOT NULL GROUP BY x.question_id, x.chosen`,
    ],
    leaderboard: [
      perfectEntrants,
      sql`SELECT a.member_id, max(a.correct_count), min(a.finished_at - a.started_at) FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
        WHERE ${scope} AND a.contest_id = ${contest.id} AND a.finished_at IS NOT NULL GROUP BY a.member_id ORDER BY 2 DESC, 3 LIMIT 100`,
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
