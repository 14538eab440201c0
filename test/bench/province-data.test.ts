import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, generateProvince, type ProvinceReport } from '../../bench/province-data';
import type { Database } from '../../src/db/client';
import { migrateDatabase, openDatabase } from '../../src/db/open-node';
import { recomputeUnitPathsStatement } from '../../src/services/units/unit-paths';

// Day 25 of a Vietnam month: the compliance job has judged the current month, and the
// month still has meetings ahead (days 26–31) as well as behind.
const now = new Date('2026-03-25T03:00:00Z');
const scale = 0.005;

let dir: string;
let client: Client;
let db: Database;
let report: ProvinceReport;

async function generated(file: string) {
  const opened = await openDatabase(`file:${file}`);
  await migrateDatabase(opened.db);
  const result = await generateProvince(opened.client, { scale, now });
  return { ...opened, report: result };
}

/** Rows as plain objects keyed by column name. */
async function all<T>(query: string): Promise<T[]> {
  const result = await client.execute(query);
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c]]))) as T[];
}
async function one<T>(query: string): Promise<T> {
  return (await all<T>(query))[0]!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chibo-province-'));
  ({ client, db, report } = await generated(join(dir, 'province.db')));
});
afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('province dataset at scale 0.005', () => {
  it('has 500 members in 25 branches, every one a leaf of the tree', async () => {
    expect(report.members).toBe(500);
    expect(report.leaves).toBe(25);
    const members = await one<{ n: number; units: number }>(`SELECT count(*) AS n, count(DISTINCT unit_id) AS units FROM members`);
    expect(Number(members.n)).toBe(500);
    expect(Number(members.units)).toBe(25);
    const notLeaves = await one<{ n: number }>(`
      SELECT count(*) AS n FROM members m JOIN units u ON u.id = m.unit_id
      WHERE u.kind NOT IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') OR EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id)`);
    expect(Number(notLeaves.n)).toBe(0);
    const emptyLeaves = await one<{ n: number }>(`
      SELECT count(*) AS n FROM units u WHERE u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') AND NOT EXISTS (SELECT 1 FROM members m WHERE m.unit_id = u.id)`);
    expect(Number(emptyLeaves.n)).toBe(0);
  });

  it('builds the tree with paths the project itself would compute', async () => {
    const wrong = await one<{ n: number }>(`
      SELECT count(*) AS n FROM units u LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.path IS NOT coalesce(p.path, '/') || u.id || '/' OR (u.parent_id IS NOT NULL AND p.id IS NULL)`);
    expect(Number(wrong.n)).toBe(0);
    const recomputed = await recomputeUnitPathsStatement(db);
    expect(recomputed.rowsAffected).toBe(0);
    const roots = await all<{ kind: string }>(`SELECT kind FROM units WHERE parent_id IS NULL`);
    expect(roots).toEqual([{ kind: 'dang_bo_khoi' }]);
    // Kinds fit their parents: branches of a đảng bộ cơ sở under it, grassroots organisations under a bloc.
    const misplaced = await one<{ n: number }>(`
      SELECT count(*) AS n FROM units u JOIN units p ON p.id = u.parent_id
      WHERE (u.kind = 'chi_bo_truc_thuoc' AND p.kind <> 'dang_bo_co_so')
         OR (u.kind IN ('dang_bo_co_so', 'chi_bo_co_so', 'dang_bo_khoi') AND p.kind <> 'dang_bo_khoi')`);
    expect(Number(misplaced.n)).toBe(0);
  });

  it('gives every grassroots organisation a type, and uses all five', async () => {
    const types = await all<{ type: string | null; n: number }>(`
      SELECT type, count(*) AS n FROM units WHERE kind IN ('dang_bo_co_so', 'chi_bo_co_so') GROUP BY type ORDER BY type`);
    expect(types.map((t) => t.type)).toEqual(['co_quan_hanh_chinh', 'doanh_nghiep_ngoai_nha_nuoc', 'doanh_nghiep_nha_nuoc', 'don_vi_su_nghiep', 'khac']);
    const typedOthers = await one<{ n: number }>(`SELECT count(*) AS n FROM units WHERE kind NOT IN ('dang_bo_co_so', 'chi_bo_co_so') AND type IS NOT NULL`);
    expect(Number(typedOthers.n)).toBe(0);
  });

  it('gives each branch one secretary, one deputy and a committee, and links about 70% of members', async () => {
    const officers = await all<{ secretaries: number; deputies: number; committee: number }>(`
      SELECT sum(role = 'secretary') AS secretaries, sum(role = 'deputy_secretary') AS deputies, sum(role = 'committee_member') AS committee
      FROM members GROUP BY unit_id`);
    expect(officers).toHaveLength(25);
    for (const o of officers) {
      expect(Number(o.secretaries)).toBe(1);
      expect(Number(o.deputies)).toBe(1);
      expect(Number(o.committee)).toBeGreaterThanOrEqual(1);
    }
    const linked = await one<{ share: number; chats: number; exempt: number }>(`
      SELECT 1.0 * count(*) / (SELECT count(*) FROM members) AS share, count(DISTINCT chat_id) AS chats,
        (SELECT sum(exempt) FROM members) AS exempt
      FROM channel_accounts WHERE channel = 'telegram'`);
    expect(Number(linked.share)).toBeGreaterThan(0.6);
    expect(Number(linked.share)).toBeLessThan(0.8);
    expect(Number(linked.chats)).toBe(Math.round(Number(linked.share) * 500));
    expect(Number(linked.exempt)).toBeGreaterThan(0);
  });

  it('holds one regular meeting in most branch-months, never two, over 24 months up to now', async () => {
    const span = await one<{ first: number; last: number }>(`SELECT min(starts_at) AS first, max(starts_at) AS last FROM meetings`);
    expect(Number(span.first)).toBeGreaterThanOrEqual(report.monthStarts[0]!);
    expect(report.monthStarts).toHaveLength(24);
    expect(new Date(report.monthStarts[23]! + 7 * 3_600_000).toISOString().slice(0, 7)).toBe('2026-03');
    expect(Number(span.last)).toBeLessThan(Date.UTC(2026, 3, 1) - 7 * 3_600_000);
    const perMonth = await all<{ regular: number; total: number }>(`
      SELECT sum(mt.kind = 'dinh_ky' AND mt.status = 'scheduled') AS regular, count(mt.id) AS total
      FROM units u JOIN meetings mt ON mt.unit_id = u.id
      WHERE u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc')
      GROUP BY u.id, strftime('%Y-%m', mt.starts_at / 1000, 'unixepoch', '+7 hours')`);
    for (const m of perMonth) {
      expect(Number(m.regular)).toBeLessThanOrEqual(1);
      expect(Number(m.total)).toBeLessThanOrEqual(2);
    }
    const held = perMonth.reduce((n, m) => n + Number(m.regular), 0) / (25 * 24);
    expect(held).toBeGreaterThan(0.85);
    expect(held).toBeLessThan(0.97);
    const thematicPerQuarter = await one<{ most: number }>(`
      SELECT max(n) AS most FROM (SELECT count(*) AS n FROM meetings WHERE kind = 'chuyen_de'
        GROUP BY unit_id, strftime('%Y', starts_at / 1000, 'unixepoch', '+7 hours'), (CAST(strftime('%m', starts_at / 1000, 'unixepoch', '+7 hours') AS INTEGER) + 2) / 3)`);
    expect(Number(thematicPerQuarter.most)).toBe(1);
    const committees = await all<{ kind: string; n: number; units: number }>(`
      SELECT mt.kind, count(*) AS n, count(DISTINCT mt.unit_id) AS units FROM meetings mt JOIN units u ON u.id = mt.unit_id
      WHERE mt.kind IN ('chi_uy', 'dang_bo') GROUP BY mt.kind ORDER BY mt.kind`);
    const organisations = Number((await one<{ n: number }>(`SELECT count(*) AS n FROM units WHERE kind = 'dang_bo_co_so'`)).n);
    expect(committees.map((c) => c.kind)).toEqual(['chi_uy', 'dang_bo']);
    expect(Number(committees[0]!.n)).toBeLessThanOrEqual(organisations * 24);
    expect(Number(committees[0]!.n)).toBeGreaterThan(organisations * 20);
    expect(Number(committees[1]!.n)).toBe(organisations * 4);
    const wrongUnit = await one<{ n: number }>(`
      SELECT count(*) AS n FROM meetings mt JOIN units u ON u.id = mt.unit_id
      WHERE (mt.kind IN ('dinh_ky', 'chuyen_de') AND u.kind NOT IN ('chi_bo_co_so', 'chi_bo_truc_thuoc'))
         OR (mt.kind IN ('chi_uy', 'dang_bo') AND u.kind <> 'dang_bo_co_so')`);
    expect(Number(wrongUnit.n)).toBe(0);
  });

  it('invites every branch member and records attendance only for meetings that took place', async () => {
    const missing = await one<{ n: number }>(`
      SELECT count(*) AS n FROM meetings mt JOIN members m ON m.unit_id = mt.unit_id
      WHERE mt.kind IN ('dinh_ky', 'chuyen_de') AND NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.member_id = m.id)`);
    expect(Number(missing.n)).toBe(0);
    const states = await all<{ past: number; attendance: string | null; exempt: number; n: number }>(`
      SELECT mt.status = 'scheduled' AND mt.starts_at < ${now.getTime()} AS past, i.attendance, m.exempt, count(*) AS n
      FROM meeting_invitees i JOIN meetings mt ON mt.id = i.meeting_id JOIN members m ON m.id = i.member_id
      GROUP BY 1, 2, 3`);
    for (const s of states) {
      if (Number(s.exempt)) expect(s.attendance).toBe('exempt');
      else if (Number(s.past)) expect(['present', 'late', 'excused', 'absent']).toContain(s.attendance);
      else expect(s.attendance).toBeNull();
    }
    expect(states.some((s) => !Number(s.past) && !Number(s.exempt))).toBe(true);
    const rate = await one<{ rate: number; reasons: number }>(`
      SELECT avg(attendance IN ('present', 'late')) AS rate, sum(attendance = 'excused' AND attendance_reason IS NULL) AS reasons
      FROM meeting_invitees WHERE attendance IN ('present', 'late', 'excused', 'absent')`);
    expect(Number(rate.rate)).toBeGreaterThan(0.8);
    expect(Number(rate.rate)).toBeLessThan(0.95);
    expect(Number(rate.reasons)).toBe(0);
  });

  it('has feedback from about 40% of attendees and ratings on about 60% of past meetings', async () => {
    const feedback = await one<{ share: number; strangers: number; low: number; high: number }>(`
      SELECT 1.0 * (SELECT count(*) FROM meeting_feedback) / count(*) AS share,
        (SELECT count(*) FROM meeting_feedback f LEFT JOIN meeting_invitees i USING (meeting_id, member_id)
         WHERE i.attendance IS NULL OR i.attendance NOT IN ('present', 'late')) AS strangers,
        (SELECT min(score) FROM meeting_feedback) AS low, (SELECT max(score) FROM meeting_feedback) AS high
      FROM meeting_invitees WHERE attendance IN ('present', 'late')`);
    expect(Number(feedback.share)).toBeGreaterThan(0.3);
    expect(Number(feedback.share)).toBeLessThan(0.5);
    expect(Number(feedback.strangers)).toBe(0);
    expect([Number(feedback.low), Number(feedback.high)]).toEqual([1, 5]);
    const rated = await one<{ share: number; future: number }>(`
      SELECT avg(rating IS NOT NULL) AS share, (SELECT count(*) FROM meetings WHERE rating IS NOT NULL AND starts_at >= ${now.getTime()}) AS future
      FROM meetings WHERE status = 'scheduled' AND starts_at < ${now.getTime() - 2 * 86_400_000}`);
    expect(Number(rated.share)).toBeGreaterThan(0.5);
    expect(Number(rated.share)).toBeLessThan(0.7);
    expect(Number(rated.future)).toBe(0);
  });

  it('publishes documents to the root and records study of approved ones only, received ⊇ opened ⊇ confirmed', async () => {
    const docs = await one<{ n: number; published: number; approved: number; draft: number }>(`
      SELECT count(*) AS n, (SELECT count(*) FROM document_units WHERE unit_id = ${report.rootUnitId}) AS published,
        (SELECT count(*) FROM document_summaries WHERE scope = 'document' AND status = 'approved') AS approved,
        (SELECT count(*) FROM document_summaries WHERE scope = 'document' AND status = 'draft') AS draft
      FROM documents`);
    expect(Number(docs.n)).toBe(12);
    expect(Number(docs.published)).toBe(12);
    expect(Number(docs.approved)).toBeGreaterThan(0);
    expect(Number(docs.draft)).toBeGreaterThan(0);
    const study = await one<{ unapproved: number; unlinked: number; orphan_confirms: number; received: number; confirmed: number }>(`
      SELECT
        sum(NOT EXISTS (SELECT 1 FROM document_summaries x WHERE x.document_id = s.document_id AND x.scope = 'document' AND x.status = 'approved')) AS unapproved,
        sum(NOT EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = s.member_id)) AS unlinked,
        sum(s.confirmed_at IS NOT NULL AND (s.opened_at IS NULL OR s.confirmed_at < s.opened_at OR s.opened_at < s.received_at)) AS orphan_confirms,
        count(*) AS received, count(s.confirmed_at) AS confirmed
      FROM document_study s`);
    expect(Number(study.unapproved)).toBe(0);
    expect(Number(study.unlinked)).toBe(0);
    expect(Number(study.orphan_confirms)).toBe(0);
    const confirmedShare = Number(study.confirmed) / Number(study.received);
    expect(confirmedShare).toBeGreaterThan(0.55);
    expect(confirmedShare).toBeLessThan(0.9);
  });

  it('has six quiz sets of 20 approved questions and about scale × 1,000,000 answers from finished attempts', async () => {
    const sets = await all<{ questions: number }>(`SELECT count(q.id) AS questions FROM quiz_sets s JOIN quiz_questions q ON q.set_id = s.id AND q.status = 'approved' GROUP BY s.id`);
    expect(sets.map((s) => Number(s.questions))).toEqual([20, 20, 20, 20, 20, 20]);
    const contests = await one<{ n: number; at_root: number }>(`
      SELECT count(*) AS n, (SELECT count(*) FROM contest_units WHERE unit_id = ${report.rootUnitId}) AS at_root FROM contests`);
    expect(Number(contests.n)).toBe(2);
    expect(Number(contests.at_root)).toBe(2);
    const answers = await one<{ n: number; correct: number }>(`SELECT count(*) AS n, avg(is_correct) AS correct FROM quiz_answers`);
    expect(Math.abs(Number(answers.n) - scale * 1_000_000)).toBeLessThanOrEqual(scale * 100_000);
    expect(Number(answers.correct)).toBeGreaterThan(0.5);
    expect(Number(answers.correct)).toBeLessThan(0.9);
    const attempts = await one<{ unfinished: number; mismatched: number; outside_contest: number; repeated_entries: number }>(`
      SELECT sum(a.finished_at IS NULL) AS unfinished,
        sum(json_array_length(a.question_ids) <> (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id)
            OR json_array_length(a.option_orders) <> json_array_length(a.question_ids)) AS mismatched,
        sum(c.id IS NOT NULL AND (a.started_at < c.opens_at OR a.finished_at >= c.closes_at)) AS outside_contest,
        (SELECT count(*) FROM (SELECT 1 FROM quiz_attempts WHERE contest_id IS NOT NULL GROUP BY contest_id, member_id HAVING count(*) > 1)) AS repeated_entries
      FROM quiz_attempts a LEFT JOIN contests c ON c.id = a.contest_id`);
    expect(attempts).toEqual({ unfinished: 0, mismatched: 0, outside_contest: 0, repeated_entries: 0 });
    const spread = await one<{ months: number }>(`SELECT count(DISTINCT strftime('%Y-%m', answered_at / 1000, 'unixepoch')) AS months FROM quiz_answers`);
    expect(Number(spread.months)).toBeGreaterThanOrEqual(18);
  });

  it('passes the foreign key and integrity checks and leaves the connection as it found it', async () => {
    expect(await all(`PRAGMA foreign_key_check`)).toEqual([]);
    expect(await all(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(await one(`PRAGMA journal_mode`)).toEqual({ journal_mode: 'wal' });
    expect(await one(`PRAGMA synchronous`)).toEqual({ synchronous: 1 });
    expect(await one(`PRAGMA foreign_keys`)).toEqual({ foreign_keys: 1 });
    expect(await all(`SELECT name FROM temp.sqlite_schema`)).toEqual([]);
  });

  it('writes the same rows on a second run', async () => {
    const again = await generated(join(dir, 'again.db'));
    try {
      expect(await countRows(again.client)).toEqual(await countRows(client));
      for (const table of ['units', 'members', 'channel_accounts', 'meetings', 'meeting_invitees', 'meeting_feedback', 'document_study', 'quiz_attempts', 'quiz_answers']) {
        const rows = async (c: Client) => JSON.stringify((await c.execute(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
        expect(await rows(again.client), table).toBe(await rows(client));
      }
    } finally {
      again.client.close();
    }
  });
});
