import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessages, vi } from '../../bot/telegram/locales/vi';
import { HOUR } from '../helpers/fake-clock';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

// /trang through the recording Bot API: URL buttons to the member's own signed pages.

let t: Awaited<ReturnType<typeof createTestApp>>;
const member = 9101;

beforeEach(async () => {
  t = await createTestApp();
  const code = await t.invite('M2'); // Trần Thị Bình, CB1
  await t.post(textUpdate(member, `/start ${code}`));
  await t.post(callbackUpdate(member, `consent:yes:${code}`));
  t.api.calls.length = 0;
});
afterEach(() => t.close());

const lastMessage = () => t.api.calls.filter((c) => c.method === 'sendMessage').at(-1)?.body ?? {};
const urlButtons = () => {
  const markup = lastMessage().reply_markup as { inline_keyboard?: { text: string; url?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
};

describe('/trang', () => {
  it('sends URL buttons to the member’s quiz and meeting pages, and each opens that member’s page', async () => {
    await t.services.importQuizSet({ set: smallQuizSet() });
    const [m1] = await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M1'`);
    await t.services.createMeeting({
      organiserId: m1!.id,
      kind: 'dinh_ky',
      startsAt: new Date(t.clock.now().getTime() + 48 * HOUR),
      place: 'Phòng họp tầng 2',
      agenda: 'Kiểm điểm công tác tháng',
    });
    await t.post(textUpdate(member, '/trang'));
    expect(lastMessage().text).toBe(vi.pagesIntro);
    const buttons = urlButtons();
    expect(buttons.map((b) => b.text)).toEqual(['📝 Ôn tập: Ôn tập thử', expect.stringMatching(/^📅 Trả lời: Sinh hoạt định kỳ \d\d:\d\d \d\d\/\d\d\/\d{4}$/)]);
    for (const b of buttons) {
      expect(b.url).toMatch(/^https:\/\/chibo\.example\.org\/m\/[A-Za-z0-9._-]+$/);
      const page = await t.chibo.app.request(new URL(b.url!).pathname);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Chào đồng chí Trần Thị Bình');
    }
  });

  it('says when there is nothing to open, refuses group chats and strangers', async () => {
    await t.post(textUpdate(member, '/trang'));
    expect(lastMessage().text).toBe(vi.pagesNone);
    const group = textUpdate(member, '/trang');
    (group.message as { chat: unknown }).chat = { id: -100123, type: 'group', title: 'Nhóm' };
    await t.post(group);
    expect(lastMessage().text).toBe(vi.pagesPrivateOnly);
    await t.post(textUpdate(9999, '/trang'));
    expect(lastMessage().text).toBe(errorMessages.not_linked);
  });
});
