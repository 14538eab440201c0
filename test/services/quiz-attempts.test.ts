import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceErrorCode } from '../../src/services/errors';
import { parseQuizFile } from '../../src/services/quizzes/parse-quiz-file';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code: ServiceErrorCode }) => e.code,
  );

let t: TestDb;
let member: Record<string, number>;
let setId: number;

/** Display indexes of the original option indexes for a position of an attempt. */
async function displayOf(attemptId: number, position: number, originals: number[]) {
  const [row] = await t.db.all<{ option_orders: string }>(sql`SELECT option_orders FROM quiz_attempts WHERE id = ${attemptId}`);
  const order = (JSON.parse(row!.option_orders) as number[][])[position]!;
  return originals.map((o) => order.indexOf(o));
}

beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  member = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
  await t.services.importQuizSet({ set: smallQuizSet() });
  setId = (await t.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets`))[0]!.id;
});
afterEach(() => t.close());

describe('taking a quiz', () => {
  it('offers the quiz only to members of the units it is published to', async () => {
    expect((await t.services.listOpenQuizzes({ memberId: member.M1! })).quizzes.map((q) => q.title)).toEqual(['Ôn tập thử']);
    expect((await t.services.listOpenQuizzes({ memberId: member.M5! })).quizzes).toEqual([]);
    expect(await codeOf(t.services.startAttempt({ memberId: member.M5!, setId }))).toBe('not_found');
  });

  it('runs one question at a time with explanations, and ends with score, missed questions and sections to re-read', async () => {
    const { attemptId } = await t.services.startAttempt({ memberId: member.M1!, setId });
    const q1 = await t.services.showQuestion({ memberId: member.M1!, attemptId });
    expect(q1).toMatchObject({ position: 0, total: 3, multiple: false, text: 'Chi bộ sinh hoạt định kỳ bao lâu một lần?' });
    expect([...q1.options].sort()).toEqual(['Hai tuần', 'Một quý', 'Một tháng']);

    const right = await t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 0, displayed: await displayOf(attemptId, 0, [1]) });
    expect(right).toMatchObject({ isCorrect: true, duplicate: false, sectionPath: 'II.1', finished: false });
    expect(right.options[right.correctDisplayed[0]!]).toBe('Một tháng');

    const q2 = await t.services.showQuestion({ memberId: member.M1!, attemptId });
    expect(q2.multiple).toBe(true);
    // Only one of the two right options: wrong.
    const half = await t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 1, displayed: await displayOf(attemptId, 1, [0]) });
    expect(half.isCorrect).toBe(false);
    expect(half.correctDisplayed.map((i) => half.options[i]).sort()).toEqual(['Kiểm điểm nghị quyết', 'Phê bình và tự phê bình']);

    t.clock.advance(95_000);
    const last = await t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 2, displayed: await displayOf(attemptId, 2, [0]) });
    expect(last.finished).toBe(true);
    const result = await t.services.attemptResult({ memberId: member.M1!, attemptId });
    expect(result).toMatchObject({ correct: 2, total: 3, percent: 67, passed: true, durationSeconds: 95, sectionsToReread: ['II.2'] });
    expect(result.missed.map((m) => m.text)).toEqual(['Những nội dung nào thuộc sinh hoạt chi bộ? (chọn các đáp án đúng)']);
    expect(await codeOf(t.services.showQuestion({ memberId: member.M1!, attemptId }))).toBe('attempt_finished');
  });

  it('counts a double tap once and refuses a tap on an earlier question', async () => {
    const { attemptId } = await t.services.startAttempt({ memberId: member.M1!, setId });
    const wrong = await displayOf(attemptId, 0, [0]);
    const right = await displayOf(attemptId, 0, [1]);
    const [a, b] = await Promise.all([
      t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 0, displayed: wrong }),
      t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 0, displayed: right }),
    ]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(a.isCorrect).toBe(b.isCorrect);
    const again = await t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 0, displayed: right });
    expect(again).toMatchObject({ duplicate: true, isCorrect: a.isCorrect });
    expect(await t.count('quiz_answers')).toBe(1);
    expect(await codeOf(t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 2, displayed: [0] }))).toBe('question_stale');
    expect(await codeOf(t.services.answerQuestion({ memberId: member.M2!, attemptId, position: 1, displayed: [0] }))).toBe('not_found');
  });

  it('resumes an unfinished attempt, also after a restart (state is in the database)', async () => {
    const first = await t.services.startAttempt({ memberId: member.M1!, setId });
    await t.services.answerQuestion({ memberId: member.M1!, attemptId: first.attemptId, position: 0, displayed: [0] });
    const again = await t.services.startAttempt({ memberId: member.M1!, setId });
    expect(again).toEqual({ attemptId: first.attemptId, resumed: true });
    expect((await t.services.showQuestion({ memberId: member.M1!, attemptId: first.attemptId })).position).toBe(1);
  });

  it('enforces the time limit from the moment a question is first shown', async () => {
    await t.services.importQuizSet({ set: smallQuizSet({ time_limit_seconds: 30 }) });
    const { attemptId } = await t.services.startAttempt({ memberId: member.M1!, setId });
    await t.services.showQuestion({ memberId: member.M1!, attemptId });
    t.clock.advance(20_000);
    const view = await t.services.showQuestion({ memberId: member.M1!, attemptId });
    expect(view.deadline?.getTime()).toBe(t.clock.now().getTime() + 10_000);
    t.clock.advance(15_000);
    const late = await t.services.answerQuestion({ memberId: member.M1!, attemptId, position: 0, displayed: await displayOf(attemptId, 0, [1]) });
    expect(late).toMatchObject({ timedOut: true, isCorrect: false });
  });

  it('draws N questions by tag and shuffles options per attempt', async () => {
    await t.services.importQuizSet({ set: smallQuizSet({ draw: { count: 1, tags: ['tan-suat'], difficulty: 'hard' } }) });
    const { attemptId } = await t.services.startAttempt({ memberId: member.M2!, setId });
    const view = await t.services.showQuestion({ memberId: member.M2!, attemptId });
    expect(view).toMatchObject({ total: 1, text: 'Sinh hoạt chuyên đề ít nhất bao lâu một lần?' });
    const orders = await t.db.all<{ option_orders: string }>(sql`SELECT option_orders FROM quiz_attempts`);
    for (const o of orders) for (const perm of JSON.parse(o.option_orders) as number[][]) expect([...perm].sort()).toEqual(perm.map((_, i) => i));
  });

  it('keeps drafted questions away from members until approved', async () => {
    await t.services.importQuizSet({ set: smallQuizSet({ id: 'ban-nhap' }), status: 'draft' });
    const titles = (await t.services.listOpenQuizzes({ memberId: member.M1! })).quizzes.map((q) => q.title);
    expect(titles).toEqual(['Ôn tập thử']);
    expect((await t.services.approveQuestions({ slug: 'ban-nhap', keys: ['q1'] })).approved).toBe(1);
    const open = (await t.services.listOpenQuizzes({ memberId: member.M1! })).quizzes;
    expect(open.find((q) => q.questions === 1)).toBeDefined();
  });
});

describe('quiz sets written for a document', () => {
  it('follow the document: members who received it get its quiz, even when the quiz came first', async () => {
    const file = 'nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt';
    const yaml = readFileSync(new URL(`../../quizzes/${file.replace('.txt', '.yaml')}`, import.meta.url), 'utf8');
    const { set } = parseQuizFile('tinh-uy.yaml', yaml);
    await t.services.importQuizSet({ set: set! });
    const before = (await t.services.listOpenQuizzes({ memberId: member.M5! })).quizzes;
    expect(before).toEqual([]);
    const text = readFileSync(new URL(`../../../shared/corpus/${file}`, import.meta.url), 'utf8');
    await t.services.importDocument({ text, sourceName: file, unitCodes: ['CBCS'] });
    const after = (await t.services.listOpenQuizzes({ memberId: member.M5! })).quizzes;
    expect(after.map((q) => q.title)).toEqual([set!.title]);
    expect((await t.services.listOpenQuizzes({ memberId: member.M1! })).quizzes.map((q) => q.title)).toEqual(['Ôn tập thử']);
  });
});

describe('drafted questions', () => {
  it('drafts questions from a document that members get only after approval', async () => {
    const text = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');
    const { documentId } = await t.services.importDocument({ text, sourceName: 'nq02.txt', unitCodes: ['CBCS'] });
    const { slug, drafted } = await t.services.draftQuizFromDocument({ documentId });
    expect(drafted).toBeGreaterThanOrEqual(5);
    const rows = await t.db.all<{ status: string; section_path: string; quote: string }>(sql`
      SELECT q.status, q.section_path, q.quote FROM quiz_questions q JOIN quiz_sets s ON s.id = q.set_id WHERE s.slug = ${slug}`);
    const [doc] = await t.db.all<{ body: string }>(sql`SELECT body FROM documents WHERE id = ${documentId}`);
    for (const r of rows) {
      expect(r.status).toBe('draft');
      expect(doc!.body).toContain(r.quote);
    }
    expect((await t.services.listOpenQuizzes({ memberId: member.M5! })).quizzes).toEqual([]);
    await t.services.approveQuestions({ slug });
    const open = (await t.services.listOpenQuizzes({ memberId: member.M5! })).quizzes;
    expect(open).toHaveLength(1);
    expect(open[0]!.questions).toBe(drafted);
  });
});

describe('contests', () => {
  async function takeContest(code: string, contestId: number, rightAnswers: number, seconds: number, prediction?: number) {
    const { attemptId } = await t.services.startAttempt({ memberId: member[code]!, contestId });
    const right = [[1], [0, 2], [0]];
    const wrong = [[0], [1], [1]];
    const start = t.clock.now().getTime();
    for (let p = 0; p < 3; p++) {
      const originals = p < rightAnswers ? right[p]! : wrong[p]!;
      if (p === 2) t.clock.advance(seconds * 1000);
      await t.services.answerQuestion({ memberId: member[code]!, attemptId, position: p, displayed: await displayOf(attemptId, p, originals) });
    }
    t.clock.set(new Date(start));
    if (prediction !== undefined) await t.services.submitPrediction({ memberId: member[code]!, value: prediction });
    return attemptId;
  }

  it('ranks by score, then prediction closeness, then time, from the stored answers', async () => {
    const opensAt = t.clock.now();
    const { contestId } = await t.services.createContest({
      slug: 'thi-thu',
      title: 'Cuộc thi thử',
      setSlug: 'on-tap-thu',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 7 * 86_400_000),
      attemptsAllowed: 2,
      askPrediction: true,
      unitCodes: ['K'],
    });
    // Three entrants answer everything: a prediction of 3 is exact.
    await takeContest('M1', contestId, 3, 40, 6); // perfect and fastest, prediction off by 3
    await takeContest('M2', contestId, 3, 60, 3); // perfect, exact prediction
    await takeContest('M4', contestId, 3, 50, 3); // perfect, exact prediction, faster than M2
    await takeContest('M3', contestId, 1, 10, 2); // one right, fastest of all
    await takeContest('M3', contestId, 2, 20); // second attempt: the better one counts
    const board = await t.services.contestLeaderboard({ contestId });
    expect(board.perfectEntrants).toBe(3);
    expect(board.rows.map((r) => [r.memberCode, r.correct, r.durationSeconds])).toEqual([
      ['M4', 3, 50],
      ['M2', 3, 60],
      ['M1', 3, 40],
      ['M3', 2, 20],
    ]);
    expect(board.rows.find((r) => r.memberCode === 'M3')?.attempts).toBe(2);
    const cb2 = await t.services.contestLeaderboard({ contestId, unitCode: 'CB2' });
    expect(cb2.rows.map((r) => r.memberCode)).toEqual(['M4', 'M3']);
    const weekly = await t.services.contestWeeklyStats({ contestId });
    expect(weekly.reduce((n, w) => n + w.attempts, 0)).toBe(5);
    expect(weekly.reduce((n, w) => n + w.entrants, 0)).toBe(4);
    expect(weekly[0]?.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('allows the configured number of attempts, only while the contest is open', async () => {
    const opensAt = new Date(t.clock.now().getTime() + 3600_000);
    const { contestId } = await t.services.createContest({
      slug: 'thi-mot-luot',
      title: 'Thi một lượt',
      setSlug: 'on-tap-thu',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 86_400_000),
      attemptsAllowed: 1,
      askPrediction: false,
      unitCodes: [],
    });
    expect(await codeOf(t.services.startAttempt({ memberId: member.M1!, contestId }))).toBe('contest_closed');
    t.clock.set(new Date(opensAt.getTime() + 1000));
    await takeContest('M1', contestId, 3, 30);
    expect(await codeOf(t.services.startAttempt({ memberId: member.M1!, contestId }))).toBe('no_attempts_left');
    const late = await t.services.startAttempt({ memberId: member.M2!, contestId });
    t.clock.set(new Date(opensAt.getTime() + 2 * 86_400_000));
    expect(await codeOf(t.services.startAttempt({ memberId: member.M2!, contestId }))).toBe('contest_closed');
    // An attempt left open past the close no longer counts new answers.
    expect(await codeOf(t.services.answerQuestion({ memberId: member.M2!, attemptId: late.attemptId, position: 0, displayed: [0] }))).toBe('contest_closed');
  });

  it('opens one attempt when "start" is tapped twice and both taps are handled at once', async () => {
    const both = await Promise.all([t.services.startAttempt({ memberId: member.M1!, setId }), t.services.startAttempt({ memberId: member.M1!, setId })]);
    expect(both[0].attemptId).toBe(both[1].attemptId);
    expect(both.map((b) => b.resumed).sort()).toEqual([false, true]);
    // In a one-try contest, a double tap must not use up (or exceed) the try with a second attempt.
    const { contestId } = await t.services.createContest({
      slug: 'thi-cham-hai-lan',
      title: 'Thi một lượt',
      setSlug: 'on-tap-thu',
      opensAt: new Date(t.clock.now().getTime() - 1000),
      closesAt: new Date(t.clock.now().getTime() + 86_400_000),
      attemptsAllowed: 1,
      askPrediction: false,
      unitCodes: [],
    });
    const taps = await Promise.all([1, 2, 3].map(() => t.services.startAttempt({ memberId: member.M2!, contestId })));
    expect(new Set(taps.map((x) => x.attemptId)).size).toBe(1);
    const [row] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM quiz_attempts WHERE contest_id = ${contestId} AND member_id = ${member.M2!}`);
    expect(Number(row?.n)).toBe(1);
  });

  it('migration 0021 keeps a database that already has duplicate open attempts, losing no answer', async () => {
    // The state a double tap could leave before the one-open-attempt indexes existed.
    await t.db.run(sql`DROP INDEX quiz_attempts_one_open_practice_idx`);
    const now = t.clock.now().getTime();
    const open = async () => {
      const [row] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_attempts (set_id, member_id, question_ids, option_orders, started_at)
        VALUES (${setId}, ${member.M1!}, '[1,2]', '[[0,1],[0,1]]', ${now}) RETURNING id`);
      return row!.id;
    };
    const [untouched, answered, newest] = [await open(), await open(), await open()];
    const [question] = await t.db.all<{ id: number }>(sql`SELECT id FROM quiz_questions WHERE set_id = ${setId} ORDER BY ordinal LIMIT 1`);
    await t.db.run(sql`INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, answered_at)
      VALUES (${answered}, 0, ${question!.id}, '[0]', 1, ${now + 5000})`);
    const migration = readFileSync(new URL('../../migrations/0021_one_open_attempt.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) {
      if (!statement.includes('quiz_attempts_one_open_contest_idx')) await t.db.run(sql.raw(statement));
    }
    const rows = await t.db.all<{ id: number; finished_at: number | null; correct_count: number | null }>(sql`
      SELECT id, finished_at, correct_count FROM quiz_attempts WHERE member_id = ${member.M1!} ORDER BY id`);
    expect(rows).toEqual([
      { id: answered, finished_at: now + 5000, correct_count: 1 },
      { id: newest, finished_at: null, correct_count: null },
    ]);
    expect(rows.map((r) => r.id)).not.toContain(untouched);
    expect(await t.services.startAttempt({ memberId: member.M1!, setId })).toEqual({ attemptId: newest, resumed: true });
  });
});

describe('statistics for committees', () => {
  it('reports share correct, option shares and discrimination per question, and results per unit', async () => {
    // 12 attempts by five members: the strong half answers everything right.
    const codes = ['M1', 'M2', 'M3', 'M4'];
    for (let i = 0; i < 12; i++) {
      const code = codes[i % codes.length]!;
      const { attemptId } = await t.services.startAttempt({ memberId: member[code]!, setId });
      const strong = i % 2 === 0;
      await t.services.answerQuestion({ memberId: member[code]!, attemptId, position: 0, displayed: await displayOf(attemptId, 0, [strong ? 1 : 0]) });
      await t.services.answerQuestion({ memberId: member[code]!, attemptId, position: 1, displayed: await displayOf(attemptId, 1, strong ? [0, 2] : [1]) });
      await t.services.answerQuestion({ memberId: member[code]!, attemptId, position: 2, displayed: await displayOf(attemptId, 2, [0]) });
    }
    const stats = await t.services.questionStats({ setSlug: 'on-tap-thu' });
    expect(stats.map((s) => [s.key, s.answers, s.shareCorrect])).toEqual([
      ['q1', 12, 0.5],
      ['q2', 12, 0.5],
      ['q3', 12, 1],
    ]);
    expect(stats[0]!.optionShares).toEqual([0.5, 0.5, 0]);
    expect(stats[0]!.discrimination).toBe(1);
    expect(stats[2]!.discrimination).toBe(0);
    const results = await t.services.quizResults({ setSlug: 'on-tap-thu', unitCode: 'CS1' });
    expect(results.perUnit.map((u) => [u.unitCode, u.members, u.participants])).toEqual([
      ['CB1', 2, 2],
      ['CB2', 2, 2],
    ]);
    expect(results.perMember.find((m) => m.memberCode === 'M1')).toMatchObject({ attempts: 3, bestPercent: 100, passed: true });
    expect(await codeOf(t.services.quizResults({ setSlug: 'on-tap-thu', unitCode: 'KHONG-CO' }))).toBe('not_found');
  });
});
