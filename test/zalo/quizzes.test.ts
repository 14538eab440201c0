import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../bot/telegram/callback-data';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import { quiz, zalo } from '../../bot/zalo/locales/vi';
import { HOUR, MINUTE } from '../helpers/fake-clock';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
const user = 'zq-1';
beforeEach(async () => {
  t = await createZaloTestApp();
  await t.linkZalo(user, 'M2');
  await t.services.importQuizSet({ set: smallQuizSet() });
});
afterEach(async () => {
  await t.close();
});

const last = () => t.zalo.last(user)!;
/** The number a member reads next to an option on the question message. */
const numberOf = (text: string, option: string) => text.split('\n').find((l) => l.endsWith(`. ${option}`))!.split('.')[0]!;

describe('a quiz on Zalo, answered by numbers', () => {
  it('runs to the result with the explanation after each answer, refusing numbers not offered', async () => {
    await t.say(user, '0');
    await t.say(user, '2'); // the quizzes
    expect(last()).toContain('Ôn tập thử — 3 câu, không giới hạn thời gian');
    expect(last()).toContain('1. Ôn tập thử');
    await t.say(user, '1');

    let question = last();
    expect(question).toMatch(/^Câu 1\/3/);
    expect(question).toContain('Trả lời 1, 2 hoặc 3.');
    await t.say(user, '9');
    expect(last()).toBe(zalo.outOfRange(3));
    expect(await t.count('quiz_answers')).toBe(0);

    await t.say(user, numberOf(question, 'Một tháng'));
    const sent = t.zalo.sent(user);
    const feedback = sent.at(-2)!;
    expect(feedback).toContain(quiz.correct);
    expect(feedback).toContain('💡 Chi bộ sinh hoạt định kỳ mỗi tháng một lần.');
    expect(feedback).toContain('📖 Nguồn: văn bản, mục II.1.');

    // Several right answers: "1, 3".
    question = last();
    expect(question).toMatch(/^Câu 2\/3/);
    expect(question).toContain('gửi các số');
    await t.say(user, '1, 9');
    expect(last()).toBe(zalo.chooseSeveral(3));
    expect(await t.count('quiz_answers')).toBe(1);
    await t.say(user, `${numberOf(question, 'Kiểm điểm nghị quyết')}, ${numberOf(question, 'Phê bình và tự phê bình')}`);
    expect(t.zalo.sent(user).at(-2)).toContain(quiz.correct);

    // The last one wrong: the verdict names the right number, then the result follows.
    question = last();
    expect(question).toMatch(/^Câu 3\/3/);
    const wrong = numberOf(question, 'Hai năm');
    await t.say(user, wrong);
    const [verdict, result] = t.zalo.sent(user).slice(-2);
    expect(verdict).toContain(quiz.wrong(numberOf(question, 'Sáu tháng')));
    expect(verdict).toContain(quiz.yourChoice(wrong));
    expect(result).toContain('Đúng 2/3 câu (67%) — Đạt.');
    expect(result).toContain('Sinh hoạt chuyên đề ít nhất bao lâu một lần?');
    expect(await t.count('quiz_answers')).toBe(3);

    // The quiz is over: a further number answers nothing.
    await t.say(user, '1');
    expect(last()).toBe(zalo.promptExpired);
    expect(await t.count('quiz_answers')).toBe(3);
  });

  it('takes nothing from an expired question prompt, and resumes the same attempt from the menu', async () => {
    await t.say(user, '0');
    await t.say(user, '2');
    await t.say(user, '1');
    const question = last();
    t.clock.advance(31 * MINUTE);
    await t.say(user, numberOf(question, 'Một tháng'));
    expect(last()).toBe(zalo.promptExpired);
    expect(await t.count('quiz_answers')).toBe(0);

    await t.say(user, 'menu');
    await t.say(user, '2');
    expect(last()).toContain('1. Tiếp tục: Ôn tập thử');
    await t.say(user, '1');
    expect(last()).toMatch(/^Câu 1\/3/);
    expect(await t.count('quiz_attempts')).toBe(1);
  });
});

// Zalo has one list of numbers per member. A meeting notice arriving while the member is on a
// quiz question must not take over the question's numbers.
describe('a meeting notice while a Zalo member answers a quiz', () => {
  it('waits until the quiz is left, so "1" still answers the question', async () => {
    const ids = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
    const { meetingId } = await t.services.createMeeting({ organiserId: ids.M1!, kind: 'dinh_ky', startsAt: new Date(t.clock.now().getTime() + 48 * HOUR), place: 'Hội trường', agenda: 'Sinh hoạt tháng' });
    await t.say(user, '0');
    await t.say(user, '2');
    await t.say(user, '1'); // the first question is on screen
    const sender = createZaloChannelSender({ client: t.chibo.zalo!, services: t.services });
    const notice = { chatId: user, text: 'Thông báo họp chi bộ', keyboard: [[{ text: 'Tham dự', data: callbackData.meetingAttend(meetingId) }, { text: 'Vắng', data: callbackData.meetingExcused(meetingId) }]] };
    expect(await sender.send(notice)).toEqual({ kind: 'deferred', retryAfterSeconds: 120, reason: 'member answering a quiz' });
    expect(t.zalo.sent(user).some((m) => m.startsWith('Thông báo họp chi bộ'))).toBe(false);

    await t.say(user, '1');
    const [answers] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM quiz_answers`);
    expect(Number(answers?.n)).toBe(1);
    const [invitee] = await t.db.all<{ reply: string | null }>(sql`SELECT reply FROM meeting_invitees WHERE meeting_id = ${meetingId} AND member_id = ${ids.M2!}`);
    expect(invitee?.reply).toBeNull();

    // Left half way: once the question's numbers expire the notice goes, and its numbers answer it.
    t.clock.advance(31 * MINUTE);
    expect((await sender.send(notice)).kind).toBe('sent');
    await t.say(user, '1');
    const [after] = await t.db.all<{ reply: string | null }>(sql`SELECT reply FROM meeting_invitees WHERE meeting_id = ${meetingId} AND member_id = ${ids.M2!}`);
    expect(after?.reply).toBe('attending');
  });
});
