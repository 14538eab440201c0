import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meet } from '../../bot/telegram/locales/vi';
import { createTelegramChannelSender } from '../../bot/telegram/telegram-channel-sender';
import { silentLogger } from '../../src/logger';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

let t: Awaited<ReturnType<typeof createTestApp>>;
const secretary = 9301; // M1, bí thư of CB1
const member = 9302; // M2, CB1

type Button = { text: string; callback_data: string };
const lastWith = (method: string) => t.api.calls.filter((c) => c.method === method).at(-1);
const screen = () => {
  const call = t.api.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').at(-1)!;
  const markup = call.body.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return { text: String(call.body.text), chatId: call.body.chat_id, buttons: (markup?.inline_keyboard ?? []).flat() };
};
const tap = (who: number, b: Button | undefined) => t.post(callbackUpdate(who, b!.callback_data));

let documentId: number;
beforeEach(async () => {
  t = await createTestApp();
  const nq02 = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');
  documentId = (await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt', unitCodes: ['CB1'] })).documentId;
  for (const [who, code] of [
    [secretary, 'M1'],
    [member, 'M2'],
  ] as const) {
    const invite = await t.invite(code);
    await t.post(textUpdate(who, `/start ${invite}`));
    await t.post(callbackUpdate(who, `consent:yes:${invite}`));
  }
  t.api.calls.length = 0;
});
afterEach(() => t.close());

describe('/hop', () => {
  it('guides a secretary from creating a meeting to the notice members reply to, and to the minutes', async () => {
    await t.post(textUpdate(secretary, '/hop'));
    expect(screen().text).toContain('chưa có cuộc họp nào sắp tới');
    await tap(secretary, screen().buttons.find((b) => b.text === '➕ Tạo cuộc họp mới'));
    await tap(secretary, screen().buttons.find((b) => b.text === 'Sinh hoạt định kỳ'));
    expect(screen().text).toContain('Bước 2/4');
    await t.post(textUpdate(secretary, 'ngày mai nhé'));
    expect(screen().text).toContain('Chưa đọc được ngày giờ');
    await t.post(textUpdate(secretary, '01/10/2026 14:00'));
    expect(screen().text).toContain('Chưa đọc được ngày giờ'); // already past
    await t.post(textUpdate(secretary, '10/11/2027 14:00'));
    await t.post(textUpdate(secretary, 'Phòng họp tầng 2'));
    await t.post(textUpdate(secretary, 'Kiểm điểm công tác tháng 11; phương hướng tháng 12'));
    let preview = screen();
    expect(preview.text).toContain('🕑 Thời gian: 14:00 10/11/2027');
    await tap(secretary, preview.buttons.find((b) => b.text.includes('Đính kèm 02-NQ/ĐUK')));
    await tap(secretary, screen().buttons.find((b) => b.text.includes('Lặp lại hằng tháng')));
    preview = screen();
    expect(preview.text).toContain('📎 Tài liệu cần nghiên cứu trước:\n• Số 02-NQ/ĐUK');
    expect(preview.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['☑ 📎 Đính kèm 02-NQ/ĐUK', '☑ 🔁 Lặp lại hằng tháng vào ngày và giờ này']));
    const send = preview.buttons.find((b) => b.text === '📤 Gửi thông báo');
    await Promise.all([tap(secretary, send), tap(secretary, send)]); // a double tap creates one meeting
    expect(await t.count('meetings')).toBe(1);
    expect(await t.count('meeting_series')).toBe(1);
    expect(screen().text).toContain('Đang gửi thông báo cho 2 đồng chí');

    // The outbox delivers the notice (the webhook did not wait for it).
    expect(t.api.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === String(member))).toHaveLength(0);
    await createOutboxSender({ ctx: { db: t.db, clock: t.clock, actor: 'test' }, sender: createTelegramChannelSender(t.chibo.bot!.api), limits: telegramLimits, logger: silentLogger }).drain();
    const notice = t.api.calls.find((c) => c.method === 'sendMessage' && c.body.chat_id === String(member))!;
    expect(String(notice.body.text)).toContain('Kiểm điểm công tác tháng 11');
    const buttons = (notice.body.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard.flat();
    expect(buttons.find((b) => b.text === '📄 Đọc 02-NQ/ĐUK')?.callback_data).toBe(`doc:open:${documentId}`);
    // The secretary's chat gets the final report of the send.
    const report = t.api.calls.find((c) => c.body.chat_id === String(secretary) && String(c.body.text).includes('Đã gửi xong'));
    expect(String(report?.body.text)).toContain('2/2 đồng chí đã nhận');

    // The member is away: the bot asks why, and records the typed reason.
    await tap(member, buttons.find((b) => b.text === '🙏 Vắng có lý do'));
    expect(t.api.sent().at(-1)).toContain('lý do vắng mặt');
    await t.post(textUpdate(member, 'Đi công tác Hà Nội'));
    expect(t.api.sent().at(-1)).toContain('vắng có lý do');

    // The secretary follows replies, takes attendance, and gets the minutes text.
    await t.post(textUpdate(secretary, '/hop'));
    await tap(secretary, screen().buttons[0]);
    const status = screen();
    expect(status.text).toContain('🙏 Vắng có lý do: 1');
    expect(status.text).toContain('Trần Thị Bình: Đi công tác Hà Nội');
    await tap(secretary, status.buttons.find((b) => b.text === '✅ Điểm danh'));
    const self = screen().buttons.find((b) => b.text.startsWith('Nguyễn Văn An'))!;
    await tap(secretary, self);
    expect(screen().buttons.find((b) => b.text.startsWith('Nguyễn Văn An'))?.text).toBe('Nguyễn Văn An — Có mặt');
    await tap(secretary, screen().buttons.find((b) => b.text.startsWith('Trần Thị Bình')));
    await tap(secretary, screen().buttons.find((b) => b.text.startsWith('Trần Thị Bình')));
    await tap(secretary, screen().buttons.find((b) => b.text.startsWith('Trần Thị Bình')));
    await tap(secretary, screen().buttons.find((b) => b.text === '↩ Quay lại'));
    await tap(secretary, screen().buttons.find((b) => b.text === '📝 Phần điểm danh của biên bản'));
    const minutes = t.api.sent().at(-1)!;
    expect(minutes).toContain('Có mặt: 1/2 đồng chí (50%)');
    expect(minutes).toContain('Vắng có lý do (1): Trần Thị Bình (Đi công tác Hà Nội)');

    // Rating on the rubric: tick a criterion, choose a level; the attendance rate comes from the roll.
    await t.post(textUpdate(secretary, '/hop'));
    await tap(secretary, screen().buttons[0]);
    await tap(secretary, screen().buttons.find((b) => b.text === '⭐ Đánh giá chất lượng buổi họp'));
    await tap(secretary, screen().buttons.find((b) => b.text === '☐ Chuẩn bị chu đáo, gửi tài liệu trước'));
    expect(screen().buttons.map((b) => b.text)).toContain('☑ Chuẩn bị chu đáo, gửi tài liệu trước');
    await tap(secretary, screen().buttons.find((b) => b.text === 'Khá'));
    expect(screen().text).toBe('Đã xếp loại: Khá. Tỷ lệ đảng viên dự: 50% (tính từ điểm danh).');
    const [rated] = await t.db.all<{ rating: string; rating_details: string }>(sql`SELECT rating, rating_details FROM meetings`);
    expect(rated?.rating).toBe('kha');
    expect(JSON.parse(rated!.rating_details).criteria[0]).toEqual({ label: 'Chuẩn bị chu đáo, gửi tài liệu trước', met: true });
  });

  it('is for officers only, and refuses a member’s tap on attendance', async () => {
    await t.post(textUpdate(member, '/hop'));
    expect(t.api.sent().at(-1)).toContain('chỉ dành cho bí thư');
    await t.post(callbackUpdate(member, 'mt:m:1:1:0'));
    expect(String(lastWith('answerCallbackQuery')?.body.text)).toContain('chỉ dành cho bí thư');
  });

  it('takes the feedback score by button, then the comment as text, refusing an overlong one with a message', async () => {
    const ids = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
    const { meetingId } = await t.services.createMeeting({ organiserId: ids.M1!, kind: 'dinh_ky', startsAt: new Date(t.clock.now().getTime() + 3_600_000), place: 'Hội trường', agenda: 'Sinh hoạt tháng' });
    t.clock.advance(2 * 3_600_000);
    await t.services.markAttendance({ organiserId: ids.M1!, meetingId, memberId: ids.M2!, state: 'present' });
    await t.post(callbackUpdate(member, `fb:${meetingId}:4`));
    await t.post(textUpdate(member, 'Dài '.repeat(300)));
    expect(t.api.sent().at(-1)).toBe(meet.commentTooLong(1000));
    await t.post(textUpdate(member, 'Nội dung thiết thực'));
    expect(t.api.sent().at(-1)).toBe(meet.commentSaved);
    const [row] = await t.db.all<{ score: number; comment: string }>(sql`SELECT score, comment FROM meeting_feedback WHERE meeting_id = ${meetingId}`);
    expect(row).toEqual({ score: 4, comment: 'Nội dung thiết thực' });
  });
});
