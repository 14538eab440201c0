import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/services/retention';
import { DAY } from '../helpers/fake-clock';
import { memberId, unitId } from '../helpers/dashboard';
import { createTestApp } from '../helpers/test-app';

const nq02 = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');
const month = (column: string) =>
  sql.raw(`(CAST(strftime('%Y', ${column} / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', ${column} / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1)`);

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** The study rollup as the triggers keep it, and recounted from the study rows (zero rows left out). */
async function studyKeptAndRecount() {
  const kept = await t.db.all(sql`SELECT unit_id, document_id, confirmed FROM unit_document_study WHERE confirmed <> 0 ORDER BY unit_id, document_id`);
  const recount = await t.db.all(sql`
    SELECT m.unit_id, s.document_id, count(*) AS confirmed FROM document_study s JOIN members m ON m.id = s.member_id
    WHERE s.confirmed_at IS NOT NULL GROUP BY m.unit_id, s.document_id ORDER BY m.unit_id, s.document_id`);
  return { kept, recount };
}

/** The quiz rollup as the triggers keep it, and recounted from the attempts (zero rows left out). */
async function quizKeptAndRecount() {
  const kept = await t.db.all(sql`
    SELECT unit_id, month, correct, questions, participants, passed FROM unit_quiz_months
    WHERE correct <> 0 OR questions <> 0 OR participants <> 0 OR passed <> 0 ORDER BY unit_id, month`);
  const passes = sql`a.correct_count * 100 >= qs.pass_percent * json_array_length(a.question_ids)`;
  const recount = await t.db.all(sql`
    WITH finished AS (
      SELECT m.unit_id, a.member_id, ${month('a.finished_at')} AS month, coalesce(a.correct_count, 0) AS correct,
        json_array_length(a.question_ids) AS questions, coalesce(${passes}, 0) AS passes
      FROM quiz_attempts a JOIN quiz_sets qs ON qs.id = a.set_id JOIN members m ON m.id = a.member_id WHERE a.finished_at IS NOT NULL
    ), latest AS (
      SELECT unit_id, member_id, max(month) AS finished_month, max(CASE WHEN passes THEN month END) AS passed_month FROM finished GROUP BY member_id
    ), cells AS (
      SELECT unit_id, month, correct, questions, 0 AS participants, 0 AS passed FROM finished
      UNION ALL SELECT unit_id, finished_month, 0, 0, 1, 0 FROM latest
      UNION ALL SELECT unit_id, passed_month, 0, 0, 0, 1 FROM latest WHERE passed_month IS NOT NULL
    )
    SELECT unit_id, month, sum(correct) AS correct, sum(questions) AS questions, sum(participants) AS participants, sum(passed) AS passed
    FROM cells GROUP BY unit_id, month ORDER BY unit_id, month`);
  return { kept, recount };
}

/** Members and linked members per unit as the triggers keep them, and recounted from the roster. */
async function membersKeptAndRecount() {
  const kept = await t.db.all(sql`SELECT unit_id, members, linked FROM unit_members WHERE members <> 0 OR linked <> 0 ORDER BY unit_id`);
  const recount = await t.db.all(sql`
    SELECT m.unit_id, count(*) AS members, sum(EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id)) AS linked
    FROM members m GROUP BY m.unit_id ORDER BY m.unit_id`);
  return { kept, recount };
}

/** Per quiz set and per contest rollups as the triggers keep them, and recounted from the attempts. */
async function setsKeptAndRecount() {
  const kept = await t.db.all(sql`
    SELECT 's' AS kind, unit_id, set_id AS id, attempts, correct, questions, participants, passed FROM unit_quiz_sets
    WHERE attempts <> 0 OR correct <> 0 OR questions <> 0 OR participants <> 0 OR passed <> 0
    UNION ALL SELECT 'c', unit_id, contest_id, 0, 0, 0, entrants, 0 FROM unit_contest_entrants WHERE entrants <> 0
    ORDER BY 1, 2, 3`);
  const recount = await t.db.all(sql`
    SELECT 's' AS kind, m.unit_id, a.set_id AS id, count(*) AS attempts, coalesce(sum(a.correct_count), 0) AS correct,
      sum(json_array_length(a.question_ids)) AS questions, count(DISTINCT a.member_id) AS participants,
      count(DISTINCT CASE WHEN a.correct_count * 100 >= qs.pass_percent * json_array_length(a.question_ids) THEN a.member_id END) AS passed
    FROM quiz_attempts a JOIN quiz_sets qs ON qs.id = a.set_id JOIN members m ON m.id = a.member_id WHERE a.finished_at IS NOT NULL GROUP BY m.unit_id, a.set_id
    UNION ALL SELECT 'c', m.unit_id, a.contest_id, 0, 0, 0, count(DISTINCT a.member_id), 0
    FROM quiz_attempts a JOIN members m ON m.id = a.member_id WHERE a.finished_at IS NOT NULL AND a.contest_id IS NOT NULL GROUP BY m.unit_id, a.contest_id
    ORDER BY 1, 2, 3`);
  return { kept, recount };
}

/** Per-question answer figures as the triggers keep them, and recounted from the answers of finished attempts. */
async function questionsKeptAndRecount() {
  const options = [0, 1, 2, 3, 4, 5, 6, 7];
  const kept = await t.db.all(sql`
    SELECT unit_id, question_id, answers, correct, score_sum, score_squares, correct_score_sum,
      ${sql.raw(options.map((k) => `chose_${k}`).join(', '))} FROM unit_question_stats
    WHERE ${sql.raw(['answers', 'correct', 'score_sum', 'score_squares', 'correct_score_sum', ...options.map((k) => `chose_${k}`)].map((c) => `${c} <> 0`).join(' OR '))}
    ORDER BY unit_id, question_id`);
  const recount = await t.db.all(sql`
    SELECT m.unit_id, x.question_id, count(*) AS answers, sum(x.is_correct) AS correct, sum(coalesce(a.correct_count, 0)) AS score_sum,
      sum(coalesce(a.correct_count, 0) * coalesce(a.correct_count, 0)) AS score_squares, sum(x.is_correct * coalesce(a.correct_count, 0)) AS correct_score_sum,
      ${sql.raw(options.map((k) => `sum(EXISTS (SELECT 1 FROM json_each(x.chosen) c WHERE c.value = ${k})) AS chose_${k}`).join(', '))}
    FROM quiz_attempts a JOIN members m ON m.id = a.member_id JOIN quiz_answers x ON x.attempt_id = a.id
    WHERE a.finished_at IS NOT NULL GROUP BY m.unit_id, x.question_id ORDER BY m.unit_id, x.question_id`);
  return { kept, recount };
}

async function expectRollupsEqualRecount() {
  const questions = await questionsKeptAndRecount();
  expect(questions.kept).toEqual(questions.recount);
  const sets = await setsKeptAndRecount();
  expect(sets.kept).toEqual(sets.recount);
  const roster = await membersKeptAndRecount();
  expect(roster.kept).toEqual(roster.recount);
  const study = await studyKeptAndRecount();
  expect(study.kept).toEqual(study.recount);
  const quiz = await quizKeptAndRecount();
  expect(quiz.kept).toEqual(quiz.recount);
  return { members: roster.kept, study: study.kept, quiz: quiz.kept, sets: sets.kept, questions: questions.kept };
}

describe('dashboard rollups', () => {
  it('stay equal to a recount through accounts, study, attempts, pass marks, moves, erasure, retention and deletions', async () => {
    const now = t.clock.now().getTime();
    const [m1, m2, m3, m5] = [await memberId(t.db, 'M1'), await memberId(t.db, 'M2'), await memberId(t.db, 'M3'), await memberId(t.db, 'M5')];
    const [cb1, cb2] = [await unitId(t.db, 'CB1'), await unitId(t.db, 'CB2')];
    const { documentId } = await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt', unitCodes: ['K'] });
    await t.db.run(sql`INSERT INTO document_study (document_id, member_id, received_at, opened_at, confirmed_at) VALUES
      (${documentId}, ${m1}, ${now}, ${now}, ${now}), (${documentId}, ${m2}, ${now}, NULL, NULL),
      (${documentId}, ${m3}, ${now}, ${now}, ${now}), (${documentId}, ${m5}, ${now}, ${now}, ${now})`);
    const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, pass_percent, created_at, updated_at)
      VALUES ('nq02', 'Tìm hiểu Nghị quyết 02', 80, ${now}, ${now}) RETURNING id`);
    const [question] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, tags)
      VALUES (${set!.id}, 'q1', 1, 'Câu hỏi', '["A","B"]', '[0]', 'Giải thích', '[]') RETURNING id`);
    const [contest] = await t.db.all<{ id: number }>(sql`INSERT INTO contests (slug, title, set_id, opens_at, closes_at, attempts_allowed, created_at)
      VALUES ('thi', 'Cuộc thi', ${set!.id}, ${now - 30 * DAY}, ${now + DAY}, 2, ${now}) RETURNING id`);
    const attempt = async (member: number, finishedAt: number | null, correct: number | null, contestId: number | null = null) => {
      const [row] = await t.db.all<{ id: number }>(sql`
        INSERT INTO quiz_attempts (set_id, member_id, contest_id, question_ids, option_orders, started_at, finished_at, correct_count)
        VALUES (${set!.id}, ${member}, ${contestId}, '[1,2,3,4,5,6,7,8,9,10]', '[]', ${now - 400 * DAY}, ${finishedAt}, ${correct}) RETURNING id`);
      return row!.id;
    };
    const [multi] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, tags)
      VALUES (${set!.id}, 'q2', 2, 'Câu hỏi nhiều đáp án', '["A","B","C","D","E","F","G","H"]', '[1,7]', 'Giải thích', '[]') RETURNING id`);
    const answer = (attemptId: number, position: number, questionId: number, chosen: string, right: 0 | 1, at: number) =>
      t.db.run(sql`INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, answered_at)
        VALUES (${attemptId}, ${position}, ${questionId}, ${chosen}, ${right}, ${at})`);
    // Answers go in while an attempt is open, as in the bot; the finish (finished_at set) counts them.
    const attemptWith = async (member: number, finishedAt: number | null, correct: number | null, contestId: number | null, answers: [number, string, 0 | 1][]) => {
      const id = await attempt(member, null, null, contestId);
      for (const [position, [questionId, chosen, right]] of answers.entries()) await answer(id, position, questionId, chosen, right, (finishedAt ?? now) - 60_000);
      if (finishedAt !== null) await t.db.run(sql`UPDATE quiz_attempts SET finished_at = ${finishedAt}, correct_count = ${correct} WHERE id = ${id}`);
      return id;
    };
    const m1Passed = await attemptWith(m1, now - 20 * DAY, 8, contest!.id, [[question!.id, '[0]', 1], [multi!.id, '[1,7]', 1]]);
    await attemptWith(m1, now - 10 * DAY, 6, contest!.id, [[question!.id, '[1]', 0], [multi!.id, '[7]', 0]]);
    const m2Open = await attemptWith(m2, null, null, contest!.id, [[question!.id, '[0]', 1]]);
    await attemptWith(m2, now - 40 * DAY, 5, null, [[multi!.id, '[0,1,7]', 0]]);
    const m3Old = await attempt(m3, now - 395 * DAY, 10);
    const m5Done = await attemptWith(m5, now - DAY, 7, null, [[question!.id, '[1]', 0]]);
    // An answer recorded after its attempt finished (and one in an attempt created finished) counts too.
    await answer(m5Done, 1, multi!.id, '[]', 0, now - DAY);
    await answer(m3Old, 0, question!.id, '[0]', 1, now - 395 * DAY);

    let accounts = 0;
    const link = (member: number, channel: string) =>
      t.db.run(sql`INSERT INTO channel_accounts (member_id, channel, external_id, chat_id, consent_at, linked_at)
        VALUES (${member}, ${channel}, ${`${++accounts}`}, ${`${accounts}`}, ${now}, ${now})`);
    for (const m of [m1, m2, m3, m5]) await link(m, 'telegram');
    await link(m1, 'zalo');

    const first = await expectRollupsEqualRecount();
    // CB1's q2: M1's two finished attempts (right with T = 8, wrong with T = 6) and M2's finished one (wrong, T = 5).
    expect(first.questions).toContainEqual({
      unit_id: cb1, question_id: multi!.id, answers: 3, correct: 1, score_sum: 8 + 6 + 5, score_squares: 64 + 36 + 25, correct_score_sum: 8,
      chose_0: 1, chose_1: 2, chose_2: 0, chose_3: 0, chose_4: 0, chose_5: 0, chose_6: 0, chose_7: 3,
    });
    expect(first.members).toContainEqual({ unit_id: cb1, members: 2, linked: 2 }); // M1 counts once with two accounts
    expect(first.study).toContainEqual({ unit_id: cb1, document_id: documentId, confirmed: 1 }); // M1 confirmed, M2 did not
    // CB1 this month: M1 8/10 (passes) and M2's 5/10 last month; M1 is CB1's only participant whose latest attempt is this month.
    expect(first.quiz.filter((r) => (r as { unit_id: number }).unit_id === cb1).map((r) => (r as { participants: number }).participants)).toEqual([1, 1]);

    await t.db.run(sql`DELETE FROM channel_accounts WHERE member_id = ${m1} AND channel = 'telegram'`);
    await t.db.run(sql`INSERT INTO members (code, full_name, unit_id, role, status, created_at, updated_at) VALUES ('M9', 'Đảng viên mới', ${cb1}, 'member', 'full', ${now}, ${now})`);
    await t.db.run(sql`UPDATE channel_accounts SET member_id = ${await memberId(t.db, 'M9')} WHERE member_id = ${m3}`);
    await expectRollupsEqualRecount();
    await link(m3, 'telegram');
    await t.db.run(sql`UPDATE document_study SET confirmed_at = ${now} WHERE member_id = ${m2}`);
    await t.db.run(sql`DELETE FROM document_study WHERE member_id = ${m1}`);
    await t.db.run(sql`UPDATE quiz_attempts SET finished_at = ${now}, correct_count = 9 WHERE id = ${m2Open}`);
    await t.db.run(sql`UPDATE quiz_attempts SET correct_count = 4 WHERE id = ${m1Passed}`);
    await expectRollupsEqualRecount();
    // Answers corrected in place (the bot only inserts them; a fix by hand must not leave the figures stale).
    await t.db.run(sql`UPDATE quiz_answers SET chosen = '[0]', is_correct = 1 WHERE attempt_id = ${m5Done} AND position = 0`);
    await t.db.run(sql`UPDATE quiz_answers SET question_id = ${question!.id} WHERE attempt_id = ${m5Done} AND position = 1`);
    await t.db.run(sql`UPDATE quiz_answers SET chosen = '[0,1]' WHERE attempt_id = ${m2Open}`);
    await expectRollupsEqualRecount();
    await t.db.run(sql`UPDATE quiz_sets SET pass_percent = 50 WHERE id = ${set!.id}`);
    await expectRollupsEqualRecount();
    await t.db.run(sql`UPDATE members SET unit_id = ${cb1} WHERE id = ${m3}`);
    const moved = await expectRollupsEqualRecount();
    expect(moved.study.filter((r) => (r as { unit_id: number }).unit_id === cb2)).toEqual([]); // M3's confirmation went with M3
    await t.services.eraseMemberData({ memberCode: 'M2' });
    expect((await expectRollupsEqualRecount()).members).toContainEqual({ unit_id: cb1, members: 4, linked: 3 }); // M1, M3 (moved in) and M9 linked; M2 erased
    const { answers } = await applyRetention({ ctx: { db: t.db, clock: t.clock, actor: 'test' }, input: { quizAnswerDays: 30 } });
    expect(answers).toBe(2); // M3's from last year and the one in M2's attempt of 40 days ago
    await expectRollupsEqualRecount();
    await t.db.run(sql`UPDATE quiz_attempts SET member_id = ${m1} WHERE id = ${m3Old}`);
    await t.db.run(sql`DELETE FROM quiz_attempts WHERE id = ${m1Passed}`);
    await expectRollupsEqualRecount();
    await t.db.run(sql`DELETE FROM members WHERE id = ${m5}`);
    const deleted = await expectRollupsEqualRecount();
    expect(JSON.stringify(deleted)).not.toContain(`"unit_id":${await unitId(t.db, 'CBCS')},`);
    await t.db.run(sql`DELETE FROM contests WHERE id = ${contest!.id}`);
    await expectRollupsEqualRecount();
    await t.db.run(sql`DELETE FROM quiz_sets WHERE id = ${set!.id}`);
    await t.db.run(sql`DELETE FROM documents WHERE id = ${documentId}`);
    expect(await expectRollupsEqualRecount()).toMatchObject({ study: [], quiz: [], sets: [], questions: [] });
  });

  it('let a quiz set with answered, finished attempts be deleted, and take its figures with it', async () => {
    const now = t.clock.now().getTime();
    const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, pass_percent, created_at, updated_at)
      VALUES ('xoa', 'Bộ sẽ xoá', 80, ${now}, ${now}) RETURNING id`);
    const [question] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, tags)
      VALUES (${set!.id}, 'q1', 1, 'Câu hỏi', '["A","B"]', '[0]', 'Giải thích', '[]') RETURNING id`);
    const [attempt] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_attempts (set_id, member_id, question_ids, option_orders, started_at)
      VALUES (${set!.id}, ${await memberId(t.db, 'M1')}, '[1]', '[]', ${now - DAY}) RETURNING id`);
    await t.db.run(sql`INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, answered_at)
      VALUES (${attempt!.id}, 0, ${question!.id}, '[0]', 1, ${now - DAY})`);
    await t.db.run(sql`UPDATE quiz_attempts SET finished_at = ${now - DAY}, correct_count = 1 WHERE id = ${attempt!.id}`);
    expect((await expectRollupsEqualRecount()).questions).toHaveLength(1);
    await t.db.run(sql`DELETE FROM quiz_sets WHERE id = ${set!.id}`);
    expect(await t.count('quiz_sets')).toBe(0);
    expect(await expectRollupsEqualRecount()).toMatchObject({ quiz: [], sets: [], questions: [] });
  });
});

