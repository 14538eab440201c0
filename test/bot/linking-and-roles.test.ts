import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function link(telegramId: number, memberCode: string) {
  const code = await t.invite(memberCode);
  await t.post(textUpdate(telegramId, `/start ${code}`));
  await t.post(callbackUpdate(telegramId, `consent:yes:${code}`));
}

describe('linking over the webhook', () => {
  it('asks for consent with a privacy notice before linking anything', async () => {
    const code = await t.invite('M2');
    await t.post(textUpdate(8001, `/start ${code}`));
    const notice = t.api.calls.find((c) => c.method === 'sendMessage')!;
    expect(String(notice.body.text)).toContain('91/2025/QH15');
    expect(JSON.stringify(notice.body.reply_markup)).toContain(`consent:yes:${code}`);
    expect(await t.count('channel_accounts')).toBe(0);

    await t.post(callbackUpdate(8001, 'consent:no'));
    expect(t.api.sent().at(-1)).toContain('chưa đồng ý');
    expect(await t.count('channel_accounts')).toBe(0);

    await t.post(callbackUpdate(8001, `consent:yes:${code}`));
    expect(t.api.sent().at(-1)).toContain('Chào đồng chí Trần Thị Bình');
    expect(await t.count('channel_accounts')).toBe(1);
  });

  it('gives secretaries their own command menu and /donvi, and members neither', async () => {
    await link(8101, 'M1'); // secretary of CB1
    const menu = t.api.calls.find((c) => c.method === 'setMyCommands');
    expect(menu?.body.scope).toEqual({ type: 'chat', chat_id: 8101 });
    expect(JSON.stringify(menu?.body.commands)).toContain('donvi');

    await t.post(textUpdate(8101, '/help'));
    expect(t.api.sent().at(-1)).toContain('/donvi');
    await t.post(textUpdate(8101, '/donvi'));
    const report = t.api.sent().at(-1)!;
    expect(report).toContain('Chi bộ Văn phòng: 1/2 đồng chí đã liên kết');
    expect(report).toMatch(/Chưa liên kết:\n• Trần Thị Bình/);

    await link(8102, 'M2'); // an ordinary member
    expect(t.api.calls.filter((c) => c.method === 'deleteMyCommands').at(-1)?.body.scope).toEqual({ type: 'chat', chat_id: 8102 });
    await t.post(textUpdate(8102, '/help'));
    expect(t.api.sent().at(-1)).not.toContain('/donvi');
    await t.post(textUpdate(8102, '/donvi'));
    expect(t.api.sent().at(-1)).toContain('chỉ dành cho bí thư');
  });

  it('shows the link in /toi and deletes it after confirmation; an old button changes nothing', async () => {
    await link(8201, 'M3');
    await t.post(textUpdate(8201, '/toi'));
    const me = t.api.sent().at(-1)!;
    expect(me).toContain('Họ và tên: Lê Văn Cường');
    expect(me).toContain('Vai trò: Phó Bí thư');
    expect(me).toMatch(/Liên kết Telegram từ: \d\d:\d\d \d\d\/\d\d\/\d{4}/);

    await t.post(callbackUpdate(8201, 'me:unlink'));
    expect(t.api.sent().at(-1)).toContain('chắc chắn');
    await t.post(callbackUpdate(8201, 'me:unlink:yes'));
    expect(t.api.sent().at(-1)).toContain('Đã hủy liên kết');
    expect(await t.count('channel_accounts')).toBe(0);

    await t.post(callbackUpdate(8201, 'me:unlink:yes'));
    const answer = t.api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(String(answer.body.text)).toContain('chưa liên kết');
    await t.post(textUpdate(8201, '/toi'));
    expect(t.api.sent().at(-1)).toContain('chưa liên kết');
  });

  it('answers a tap on a button it no longer knows', async () => {
    await t.post(callbackUpdate(8301, 'quiz:old:123'));
    const answer = t.api.calls.find((c) => c.method === 'answerCallbackQuery')!;
    expect(String(answer.body.text)).toContain('không còn dùng được');
  });

  it('refuses to link inside a group chat', async () => {
    const code = await t.invite('M4');
    const update = textUpdate(8401, `/start ${code}`);
    update.message.chat = { id: -100123, type: 'group', first_name: 'Nhóm' };
    await t.post(update);
    expect(t.api.sent().at(-1)).toContain('nhắn riêng');
    expect(await t.count('channel_accounts')).toBe(0);
  });
});
