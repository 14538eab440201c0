import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminViewer, loadMemberViewer } from '../../src/services/dashboard/viewer';
import { DAY } from '../helpers/fake-clock';
import { committeeRoster, memberId, unitId } from '../helpers/dashboard';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

// Adapted from the test a helper wrote for the same rollup on its own branch (qstats): the figures
// against a textbook Pearson correlation, in three scopes.

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  await t.services.importMembers(committeeRoster);
});
afterEach(() => t.close());

async function createSet(slug: string, questions: { key: string; options: number; correct: number[] }[]) {
  const now = t.clock.now().getTime();
  const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, pass_percent, created_at, updated_at)
    VALUES (${slug}, 'Bộ câu hỏi thử', 80, ${now}, ${now}) RETURNING id`);
  await t.db.run(sql`INSERT INTO quiz_set_units (set_id, unit_id) VALUES (${set!.id}, ${await unitId(t.db, 'K')})`);
  const ids: Record<string, number> = {};
  for (const [i, q] of questions.entries()) {
    const options = JSON.stringify(Array.from({ length: q.options }, (_, o) => `Phương án ${o + 1}`));
    const [row] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, tags)
      VALUES (${set!.id}, ${q.key}, ${i + 1}, ${`Câu ${q.key}?`}, ${options}, ${JSON.stringify(q.correct)}, 'Vì…', '[]') RETURNING id`);
    ids[q.key] = row!.id;
  }
  return { setId: set!.id, ids };
}

/** An attempt as the app makes one: open, answered, then finished with its score (or left open). */
async function takeAttempt(setId: number, member: number, answers: { question: number; chosen: number[]; right: boolean }[], finish = true, contestId: number | null = null) {
  const now = t.clock.now().getTime();
  const [row] = await t.db.all<{ id: number }>(sql`
    INSERT INTO quiz_attempts (set_id, member_id, contest_id, question_ids, option_orders, started_at)
    VALUES (${setId}, ${member}, ${contestId}, ${JSON.stringify(answers.map((a) => a.question))}, '[]', ${now - DAY}) RETURNING id`);
  for (const [position, a] of answers.entries()) {
    await t.db.run(sql`INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, answered_at)
      VALUES (${row!.id}, ${position}, ${a.question}, ${JSON.stringify(a.chosen)}, ${a.right ? 1 : 0}, ${now - DAY})`);
  }
  if (finish) {
    await t.db.run(sql`UPDATE quiz_attempts SET finished_at = ${now - DAY}, correct_count = ${answers.filter((a) => a.right).length} WHERE id = ${row!.id}`);
  }
  return row!.id;
}

/** Pearson correlation by the textbook definition, around the means. */
function pearson(xs: number[], ys: number[]) {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (const [i, x] of xs.entries()) {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('question statistics', () => {
  // Right (1) or wrong (0) on qa … qe in each attempt, stronger attempts first. qa … qd go
  // with the rest of the score; qe is answered right only by the four weakest attempts.
  const grid = [
    [1, 1, 1, 1, 0],
    [1, 1, 1, 1, 0],
    [1, 1, 1, 1, 0],
    [1, 1, 1, 0, 0],
    [1, 1, 0, 1, 0],
    [1, 0, 1, 1, 0],
    [1, 0, 0, 1, 0],
    [0, 1, 1, 0, 0],
    [1, 0, 0, 0, 1],
    [0, 0, 1, 0, 1],
    [0, 1, 0, 0, 1],
    [0, 0, 0, 0, 1],
  ];
  const keys = ['qa', 'qb', 'qc', 'qd', 'qe'];
  const itemRest = (rows: number[][], j: number) =>
    pearson(
      rows.map((r) => r[j]!),
      rows.map((r) => r.reduce((a, b) => a + b, 0) - r[j]!),
    );

  async function seedGrid() {
    const { setId, ids } = await createSet('grid', keys.map((key) => ({ key, options: 4, correct: [0] })));
    const cb1 = [await memberId(t.db, 'M1'), await memberId(t.db, 'M2')];
    const cb2 = await memberId(t.db, 'M3');
    // Wrong answers pick option 1 in even rows and option 3 in odd ones.
    const answersOf = (row: number[], i: number) => row.map((x, j) => ({ question: ids[keys[j]!]!, chosen: [x ? 0 : i % 2 ? 3 : 1], right: x === 1 }));
    for (const [i, row] of grid.entries()) await takeAttempt(setId, cb1[i % 2]!, answersOf(row, i));
    // Three attempts in CB2, all right: within CS1 they add to the grid.
    for (let i = 0; i < 3; i++) await takeAttempt(setId, cb2, answersOf([1, 1, 1, 1, 1], i));
    return setId;
  }

  it('gives the item–rest correlation per question in each scope, negative for a question only the weaker attempts get right', async () => {
    const setId = await seedGrid();
    const ctx = { db: t.db, clock: t.clock, actor: 'test' };
    const committee = (await loadMemberViewer(ctx, await memberId(t.db, 'M6')))!;
    const secretary = (await loadMemberViewer(ctx, await memberId(t.db, 'M1')))!;
    const all = [...grid, [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]];
    for (const [viewer, rows] of [
      [adminViewer, all],
      [committee, all],
      [secretary, grid],
    ] as const) {
      const { questions } = await t.services.scopedQuestionStats({ viewer, setId });
      expect(questions.map((q) => q.answers)).toEqual(keys.map(() => rows.length));
      for (const [j, q] of questions.entries()) {
        expect(q.shareCorrect).toBeCloseTo(rows.filter((r) => r[j] === 1).length / rows.length, 12);
        expect(q.discrimination).toBeCloseTo(itemRest(rows, j), 12);
      }
    }
    const { questions } = await t.services.scopedQuestionStats({ viewer: secretary, setId });
    expect(questions.slice(0, 4).every((q) => q.discrimination! > 0)).toBe(true);
    expect(questions[4]!.discrimination).toBeLessThan(-0.5);
    // qa in the grid: right in 8 of 12; wrong in rows i = 7, 9, 10, 11, so option 3 three times and option 1 once.
    expect(questions[0]!.optionShares).toEqual([8 / 12, 1 / 12, 0, 3 / 12]);
    // The CLI reads the same figures for the whole province.
    const cli = await t.services.questionStats({ setSlug: 'grid' });
    const admin = (await t.services.scopedQuestionStats({ viewer: adminViewer, setId })).questions;
    expect(cli.map((q) => [q.key, q.answers, q.shareCorrect, q.optionShares, q.discrimination])).toEqual(
      admin.map((q) => [q.key, q.answers, q.shareCorrect, q.optionShares, q.discrimination]),
    );
  });

  it('hides option shares from officers while a contest on the set is open, not from admins', async () => {
    const setId = await seedGrid();
    const now = t.clock.now().getTime();
    await t.db.run(sql`INSERT INTO contests (slug, title, set_id, opens_at, closes_at, created_at)
      VALUES ('dang-mo', 'Cuộc thi đang mở', ${setId}, ${now - DAY}, ${now + DAY}, ${now})`);
    const secretary = (await loadMemberViewer({ db: t.db, clock: t.clock, actor: 'test' }, await memberId(t.db, 'M1')))!;
    const hidden = await t.services.scopedQuestionStats({ viewer: secretary, setId });
    expect(hidden.optionsHidden).toBe(true);
    expect(hidden.questions.flatMap((q) => q.optionShares).every((s) => s === null)).toBe(true);
    expect(hidden.questions[0]!.discrimination).not.toBeNull();
    const shown = await t.services.scopedQuestionStats({ viewer: adminViewer, setId });
    expect(shown.optionsHidden).toBe(false);
    expect(shown.questions[0]!.optionShares[0]).toBeCloseTo(11 / 15, 12);
  });
});
