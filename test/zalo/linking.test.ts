import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { errorMessages, zalo } from '../../bot/zalo/locales/vi';
import { HOUR } from '../helpers/fake-clock';
import { callbackUpdate, textUpdate } from '../helpers/updates';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
beforeEach(async () => {
  t = await createZaloTestApp();
});
afterEach(async () => {
  await t.close();
});

const zaloAccounts = (db: ZaloTestApp['db']) =>
  db.all<{ member_code: string; external_id: string; chat_id: string }>(sql`
    SELECT m.code AS member_code, a.external_id, a.chat_id FROM channel_accounts a JOIN members m ON m.id = a.member_id WHERE a.channel = 'zalo'`);

describe('linking a Zalo account by sending the invite code', () => {
  it('asks a stranger who writes first for the code, and stores nothing', async () => {
    expect(await t.say('u-1', 'Xin chào')).toBe(200);
    expect(t.zalo.last('u-1')).toBe(zalo.welcomeStranger);
    expect(await t.count('channel_accounts')).toBe(0);
    // A number with nothing to answer is not taken for anything either.
    await t.say('u-1', '1');
    expect(t.zalo.last('u-1')).toBe(zalo.welcomeStranger);
  });

  it('shows the privacy notice for a valid code and links on "1", typed in lower case with spaces', async () => {
    const code = await t.invite('M2');
    await t.say('u-2', `${code.slice(0, 5).toLowerCase()} ${code.slice(5).toLowerCase()}`);
    const notice = t.zalo.last('u-2')!;
    expect(notice).toContain('Luật số 91/2025/QH15');
    expect(notice).toContain('1. ✅ Tôi đồng ý\n2. Không đồng ý');
    expect(notice).toContain('Trả lời 1 hoặc 2.');
    expect(await t.count('channel_accounts')).toBe(0); // consent first

    await t.say('u-2', '1');
    expect(t.zalo.last('u-2')).toBe(zalo.linked('Trần Thị Bình', 'Chi bộ Văn phòng'));
    expect(await zaloAccounts(t.db)).toEqual([{ member_code: 'M2', external_id: 'u-2', chat_id: 'u-2' }]);
    // Every answer went to the member's own chat, within Zalo's limit.
    expect(t.zalo.sentCalls().every((c) => c.body.chat_id === 'u-2' && String(c.body.text).length <= 2000)).toBe(true);
  });

  it('links nothing when the member declines, or answers a number that is not offered', async () => {
    const code = await t.invite('M2');
    await t.say('u-3', code);
    await t.say('u-3', '7');
    expect(t.zalo.last('u-3')).toBe(zalo.outOfRange(2));
    await t.say('u-3', '2');
    expect(t.zalo.last('u-3')).toBe(zalo.consentDeclined);
    await t.say('u-3', '1'); // the notice is gone: the old prompt links nothing
    expect(t.zalo.last('u-3')).toBe(zalo.welcomeStranger);
    expect(await t.count('channel_accounts')).toBe(0);
  });

  it('answers an unknown, a used and an expired code clearly and changes nothing', async () => {
    await t.say('u-4', 'ABCDEFGHJK');
    expect(t.zalo.last('u-4')).toBe(errorMessages.invite_unknown);

    const code = await t.invite('M2');
    await t.say('u-5', code);
    await t.say('u-5', '1');
    await t.say('u-4', code);
    expect(t.zalo.last('u-4')).toBe(errorMessages.invite_used);

    const late = await t.invite('M3');
    t.clock.advance(25 * HOUR);
    await t.say('u-4', late);
    expect(t.zalo.last('u-4')).toBe(errorMessages.invite_expired);
    expect((await zaloAccounts(t.db)).map((a) => a.external_id)).toEqual(['u-5']);
  });

  it('refuses a code when the consent was given after someone else used it', async () => {
    const code = await t.invite('M2');
    await t.say('u-6', code); // notice shown to u-6
    // An admin makes a second code; another person links with it first.
    const { invites } = await t.services.createInvites({ memberCode: 'M2', ttlHours: 24 });
    await t.say('u-7', invites[0]!.code);
    await t.say('u-7', '1');
    await t.say('u-6', '1');
    expect(t.zalo.last('u-6')).toBe(errorMessages.member_linked_elsewhere);
    expect((await zaloAccounts(t.db)).map((a) => a.external_id)).toEqual(['u-7']);
  });

  it('lets one member link both Telegram and Zalo, each with its own code', async () => {
    const telegramCode = await t.invite('M2');
    await t.postTelegram(textUpdate(9701, `/start ${telegramCode}`));
    await t.postTelegram(callbackUpdate(9701, `consent:yes:${telegramCode}`));
    // The code spent on Telegram cannot be reused on Zalo…
    await t.say('u-9', telegramCode);
    expect(t.zalo.last('u-9')).toBe(errorMessages.invite_used);
    // …a fresh one links the same member on Zalo too.
    await t.linkZalo('u-9', 'M2');
    expect(t.zalo.last('u-9')).toBe(zalo.linked('Trần Thị Bình', 'Chi bộ Văn phòng'));
    const accounts = await t.db.all<{ channel: string; external_id: string }>(sql`
      SELECT a.channel, a.external_id FROM channel_accounts a JOIN members m ON m.id = a.member_id WHERE m.code = 'M2' ORDER BY a.channel`);
    expect(accounts).toEqual([
      { channel: 'telegram', external_id: '9701' },
      { channel: 'zalo', external_id: 'u-9' },
    ]);
    // A second Zalo account cannot take the same member.
    const code = await t.invite('M2');
    await t.say('u-10', code);
    expect(t.zalo.last('u-10')).toBe(errorMessages.member_linked_elsewhere);
  });

  it('gives a linked member the numbered menu and their link details', async () => {
    await t.linkZalo('u-8', 'M1');
    await t.say('u-8', 'menu');
    const menu = t.zalo.last('u-8')!;
    expect(menu).toContain(`1. ${zalo.menuDocuments}\n2. ${zalo.menuQuizzes}\n3. ${zalo.menuMe}`);
    expect(menu).toContain('Trả lời 1, 2 hoặc 3.');
    await t.say('u-8', '3');
    expect(t.zalo.last('u-8')).toContain('Họ và tên: Nguyễn Văn An');
    expect(t.zalo.last('u-8')).toContain('Liên kết Zalo từ');
    await t.say('u-8', 'abc xyz');
    expect(t.zalo.last('u-8')).toBe(zalo.notUnderstood);
  });
});
