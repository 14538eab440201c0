import { withoutPageLink } from '../helpers/zalo-page-link';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../bot/telegram/meeting-messages';
import { meet } from '../../bot/zalo/locales/vi';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import { silentLogger } from '../../src/logger';
import { zaloLimits } from '../../src/services/outbox/channel-sender';
import { enqueueBroadcast } from '../../src/services/outbox/enqueue-broadcast';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { DAY, MINUTE } from '../helpers/fake-clock';
import { csv } from '../helpers/tables';
import type { ZaloCall } from '../helpers/zalo-api-emulator';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

// A notice to a branch of Zalo members through the outbox, against an emulator that answers
// 429 to anything faster than the rate we assume Zalo tolerates (10 a second; zaloLimits aims
// lower) or to a second message to one chat within 1.4 s (zaloLimits waits 1.5 s).

let t: ZaloTestApp;
const members = Array.from({ length: 20 }, (_, i) => `Z${String(i + 1).padStart(2, '0')}`);
const userOf = (code: string) => `zu-${code}`;
const given = ['An', 'Bảo', 'Chi', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quang', 'Sơn'];
const emulatorLimits = { perChatIntervalMs: zaloLimits.perChatIntervalMs - 100, globalPerSecond: 10 };

beforeAll(async () => {
  t = await createZaloTestApp();
  await t.services.importMembers(csv(`code,full_name,unit_code\n${members.map((c, i) => `${c},Vũ Thị ${given[i]},CB1`).join('\n')}`));
  for (const code of members) await t.linkZalo(userOf(code), code);
});
afterAll(async () => {
  await t.close();
});

const sends = (calls: ZaloCall[]) => calls.filter((c) => c.method === 'sendMessage');
const outbox = () =>
  createOutboxSender({ ctx: { db: t.db, clock: t.clock, actor: 'test' }, sender: createZaloChannelSender({ client: t.chibo.zalo!, services: t.services }), limits: zaloLimits, logger: silentLogger });

describe('a meeting notice to Zalo members through the outbox', () => {
  it('keeps within the pacing (no 429), reaches everyone, and their numbered replies are recorded', async () => {
    const organiserId = Number((await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M1'`))[0]!.id);
    const { meetingId } = await t.services.createMeeting({ organiserId, kind: 'dinh_ky', startsAt: new Date(t.clock.now().getTime() + 2 * DAY), place: 'Hội trường', agenda: 'Sinh hoạt tháng' });
    const { queued } = await t.services.sendMeetingNotice({ meetingId, organiserId, render: renderNotice });
    expect(queued).toBe(20);
    // A second message to five of them at once: the per-chat gap must hold too.
    const twice = members.slice(0, 5);
    const accounts = await t.db.all<{ member_id: number; chat_id: string }>(sql`
      SELECT a.member_id, a.chat_id FROM channel_accounts a JOIN members m ON m.id = a.member_id WHERE a.channel = 'zalo' AND m.code IN (SELECT value FROM json_each(${JSON.stringify(twice)}))`);
    await enqueueBroadcast({
      ctx: { db: t.db, clock: t.clock, actor: 'test' },
      input: { kind: 'test', title: 'Nhắc lịch', messages: accounts.map((a) => ({ memberId: a.member_id, channel: 'zalo', chatId: a.chat_id, dedupeKey: `pacing:${a.member_id}`, text: 'Nhắc lịch họp' })) },
    });

    t.zalo.reset();
    t.zalo.enforceRate(emulatorLimits);
    const started = performance.now();
    await outbox().drain();
    const elapsed = performance.now() - started;
    t.zalo.enforceRate(null);

    const calls = sends(t.zalo.calls);
    expect(calls.filter((c) => c.status === 429).map((c) => [c.body.chat_id, Math.round(c.at - calls[0]!.at)])).toEqual([]);
    expect(calls.filter((c) => c.status === 200)).toHaveLength(25);
    const [row] = await t.db.all<{ sent: number }>(sql`SELECT count(*) AS sent FROM outbox_messages WHERE channel = 'zalo' AND status = 'sent'`);
    expect(Number(row!.sent)).toBe(25);
    // Never more than the tolerated rate in any one second, nor two to one chat closer than the gap.
    for (const c of calls) expect(calls.filter((d) => d.at >= c.at && d.at < c.at + 1000).length).toBeLessThanOrEqual(emulatorLimits.globalPerSecond);
    for (const code of twice) {
      const [first, second] = calls.filter((c) => c.body.chat_id === userOf(code));
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(emulatorLimits.perChatIntervalMs);
    }
    // 25 sends at 8 a second take at least ~3 s: the pacing, not luck, kept the 429s away.
    expect(elapsed).toBeGreaterThan(((25 - 1) / zaloLimits.globalPerSecond) * 1000 * 0.9);

    // Replies by number land on the meeting; the reminder that came last did not take over the notice's numbers.
    const [a, b] = members.slice(10, 12);
    await t.say(userOf(a!), '1');
    expect(withoutPageLink(t.zalo.last(userOf(a!)))).toBe(meet.attendingSaved);
    await t.say(userOf(b!), '2');
    await t.say(userOf(b!), 'Bận trực cơ quan');
    const replies = await t.db.all<{ code: string; reply: string; reason: string | null }>(sql`
      SELECT m.code, i.reply, i.reason FROM meeting_invitees i JOIN members m ON m.id = i.member_id WHERE i.meeting_id = ${meetingId} AND i.reply IS NOT NULL ORDER BY m.code`);
    expect(replies).toEqual([
      { code: a, reply: 'attending', reason: null },
      { code: b, reply: 'excused', reason: 'Bận trực cơ quan' },
    ]);
  });

  it('pauses on a 429 and retries a 5xx later, sending each message once', async () => {
    const accounts = await t.db.all<{ member_id: number; chat_id: string }>(sql`SELECT member_id, chat_id FROM channel_accounts WHERE channel = 'zalo' LIMIT 4`);
    await enqueueBroadcast({
      ctx: { db: t.db, clock: t.clock, actor: 'test' },
      input: { kind: 'test', title: 'Thông báo', messages: accounts.map((a) => ({ memberId: a.member_id, channel: 'zalo', chatId: a.chat_id, dedupeKey: `faults:${a.member_id}`, text: 'Thông báo chung' })) },
    });
    t.zalo.reset();
    t.zalo.failNext('sendMessage', 429, 1, 1);
    t.zalo.failNext('sendMessage', 500, 1);
    const sender = outbox();
    await sender.drain();
    t.clock.advance(5 * MINUTE); // the 5xx row's backoff, on the business clock
    await sender.drain();
    const calls = sends(t.zalo.calls);
    expect(calls.map((c) => c.status).filter((s) => s !== 200)).toEqual([429, 500]);
    const delivered = calls.filter((c) => c.status === 200).map((c) => c.body.chat_id);
    expect(delivered.sort()).toEqual(accounts.map((a) => a.chat_id).sort());
  });
});
