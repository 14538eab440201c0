import { withoutPageLink } from '../helpers/zalo-page-link';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderNotice, telegramMeetingMessages } from '../../bot/telegram/meeting-messages';
import { createTelegramChannelSender } from '../../bot/telegram/telegram-channel-sender';
import { errorMessages, meet, zalo } from '../../bot/zalo/locales/vi';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import { meetingTexts } from '../../src/locales/vi-meetings';
import { silentLogger } from '../../src/logger';
import { defaultMeetingRules } from '../../src/services/meetings/meeting-rules';
import { queueFeedbackRequests } from '../../src/services/meetings/scheduled-messages';
import { telegramLimits, zaloLimits } from '../../src/services/outbox/channel-sender';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { DAY, HOUR, MINUTE } from '../helpers/fake-clock';
import { callbackUpdate, textUpdate } from '../helpers/updates';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
const secretaryTelegram = 9501; // M1, bí thư of CB1, on Telegram
const memberTelegram = 9502; // M2 on Telegram…
const memberZalo = 'zm-2'; // …and on Zalo

async function linkTelegram(tgId: number, memberCode: string) {
  const code = await t.invite(memberCode);
  await t.postTelegram(textUpdate(tgId, `/start ${code}`));
  await t.postTelegram(callbackUpdate(tgId, `consent:yes:${code}`));
}

const memberId = async (code: string) => Number((await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = ${code}`))[0]!.id);

function outboxes() {
  const ctx = { db: t.db, clock: t.clock, actor: 'test' };
  const telegramSender = createTelegramChannelSender(t.chibo.bot!.api);
  const zaloSender = createZaloChannelSender({ client: t.chibo.zalo!, services: t.services });
  return {
    telegram: createOutboxSender({ ctx, sender: telegramSender, limits: telegramLimits, logger: silentLogger, progressSenders: { zalo: zaloSender } }),
    zalo: createOutboxSender({ ctx, sender: zaloSender, limits: zaloLimits, logger: silentLogger, progressSenders: { telegram: telegramSender } }),
  };
}

async function scheduleMeeting(documentIds: number[] = []) {
  const organiserId = await memberId('M1');
  const { meetingId } = await t.services.createMeeting({
    organiserId,
    kind: 'dinh_ky',
    startsAt: new Date(t.clock.now().getTime() + 2 * DAY),
    place: 'Phòng họp tầng 2',
    agenda: 'Kiểm điểm công tác tháng',
    documentIds,
  });
  return { meetingId, organiserId };
}

const reply = async (meetingId: number, code: string) =>
  (await t.db.all<{ reply: string | null; reason: string | null }>(sql`
    SELECT i.reply, i.reason FROM meeting_invitees i JOIN members m ON m.id = i.member_id WHERE i.meeting_id = ${meetingId} AND m.code = ${code}`))[0];

beforeEach(async () => {
  t = await createZaloTestApp();
  await linkTelegram(secretaryTelegram, 'M1');
  await linkTelegram(memberTelegram, 'M2');
  await t.linkZalo(memberZalo, 'M2');
});
afterEach(async () => {
  await t.close();
});

describe('meeting notices on Zalo', () => {
  it('reach a member on both channels; numbered replies on Zalo are recorded once, and the starter gets the report on Telegram', async () => {
    const { meetingId, organiserId } = await scheduleMeeting();
    const sent = await t.services.sendMeetingNotice({ meetingId, organiserId, progress: { channel: 'telegram', chatId: String(secretaryTelegram) }, render: renderNotice });
    expect(sent.queued).toBe(3); // M1 on Telegram, M2 on Telegram and on Zalo
    const o = outboxes();
    await o.telegram.drain();
    await o.zalo.drain();

    const notice = t.zalo.last(memberZalo)!;
    expect(notice).toContain('Phòng họp tầng 2');
    expect(notice).toContain(`1. ${meetingTexts.attend}\n2. ${meetingTexts.excused}\n3. ${meetingTexts.checkIn}`);
    expect(notice).toContain('Trả lời 1, 2 hoặc 3.');
    const telegramNotices = t.telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.body.chat_id) === String(memberTelegram) && String(c.body.text).includes('Phòng họp tầng 2'),
    );
    expect(telegramNotices).toHaveLength(1);
    // The final report reached the secretary's Telegram chat although Zalo's drain finished the broadcast.
    const toSecretary = t.telegram.calls.filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.body.chat_id) === String(secretaryTelegram));
    expect(String(toSecretary.at(-1)?.body.text)).toContain('3/3');
    expect(t.zalo.sent().some((text) => text.includes('Đã gửi xong'))).toBe(false);

    // "2": absent, then the reason as text.
    await t.say(memberZalo, '2');
    expect(t.zalo.last(memberZalo)).toBe(meet.askReason);
    await t.say(memberZalo, '  Đi công tác Hà Nội  ');
    // The confirmation carries the member's own reply page (Zalo has no buttons); it opens.
    const saved = t.zalo.last(memberZalo) ?? '';
    expect(withoutPageLink(saved)).toBe(meet.excusedSaved);
    const pagePath = /https:\/\/chibo\.example\.org(\/m\/\S+)$/.exec(saved)?.[1];
    expect(pagePath).toBeDefined();
    const page = await t.chibo.app.request(pagePath!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Phòng họp tầng 2');
    expect(await reply(meetingId, 'M2')).toEqual({ reply: 'excused', reason: 'Đi công tác Hà Nội' });

    // The notice's numbers still work: "1" changes the reply to attending.
    await t.say(memberZalo, '1');
    expect(withoutPageLink(t.zalo.last(memberZalo))).toBe(meet.attendingSaved);
    expect(await reply(meetingId, 'M2')).toEqual({ reply: 'attending', reason: null });
    await t.say(memberZalo, '4');
    expect(t.zalo.last(memberZalo)).toBe(zalo.outOfRange(3));

    // A day later the notice is still answerable (a week's prompt), but not once the meeting has started.
    t.clock.advance(DAY);
    await t.say(memberZalo, '2');
    await t.say(memberZalo, '1'); // a number in place of a reason answers the notice again
    expect(withoutPageLink(t.zalo.last(memberZalo))).toBe(meet.attendingSaved);
    // Chosen "2" but no reason within 30 minutes: a later text is not taken for a reason.
    await t.say(memberZalo, '2');
    t.clock.advance(31 * MINUTE);
    await t.say(memberZalo, 'Chào đồng chí');
    expect(t.zalo.last(memberZalo)).toBe(zalo.notUnderstood);
    expect(await reply(meetingId, 'M2')).toEqual({ reply: 'attending', reason: null });
    t.clock.advance(DAY);
    await t.say(memberZalo, '2');
    await t.say(memberZalo, 'ốm');
    expect(t.zalo.last(memberZalo)).toBe(errorMessages.meeting_started);
    expect(await reply(meetingId, 'M2')).toEqual({ reply: 'attending', reason: null });
  });

  it('takes the feedback score by number and the comment as text after the meeting', async () => {
    const { meetingId, organiserId } = await scheduleMeeting();
    t.clock.advance(2 * DAY + 10 * 60_000);
    await t.services.checkIn({ memberId: await memberId('M2'), meetingId });
    t.clock.advance(3 * HOUR);
    await queueFeedbackRequests({ ctx: { db: t.db, clock: t.clock, actor: 'job' }, input: { messages: telegramMeetingMessages, rules: defaultMeetingRules } });
    const o = outboxes();
    await o.telegram.drain();
    await o.zalo.drain();
    // Both channels got the request (one row per member and channel).
    expect(t.zalo.last(memberZalo)).toContain('1. 1\n2. 2\n3. 3\n4. 4\n5. 5');
    expect(t.telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.body.chat_id) === String(memberTelegram)).at(-1)?.body.reply_markup).toBeTruthy();

    await t.say(memberZalo, '6');
    expect(t.zalo.last(memberZalo)).toBe(zalo.outOfRange(5));
    await t.say(memberZalo, '4');
    expect(t.zalo.last(memberZalo)).toBe(meet.feedbackThanks(4));
    // A comment over the limit is refused with a message, not cut; the shorter one is then taken.
    await t.say(memberZalo, 'Dài '.repeat(300));
    expect(t.zalo.last(memberZalo)).toBe(meet.commentTooLong(1000));
    await t.say(memberZalo, 'Nội dung sát thực tế');
    expect(t.zalo.last(memberZalo)).toBe(meet.commentSaved);
    const summary = await t.services.feedbackSummary({ organiserId, meetingId });
    expect(summary.count).toBe(1);
    expect(summary.average).toBe(4);
    expect(summary.comments.map((c) => c.text)).toEqual(['Nội dung sát thực tế']);
  });
});
