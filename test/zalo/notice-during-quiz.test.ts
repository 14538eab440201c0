import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../bot/telegram/callback-data';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import { HOUR, MINUTE } from '../helpers/fake-clock';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

// Zalo has one list of numbers per member. A meeting notice arriving while the member is on a
// quiz question must not take over the question's numbers.
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
