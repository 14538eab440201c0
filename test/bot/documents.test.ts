import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

const nq02 = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');

let t: Awaited<ReturnType<typeof createTestApp>>;
let documentId: number;
const member = 9001;

beforeEach(async () => {
  t = await createTestApp();
  const code = await t.invite('M2'); // Trần Thị Bình, CB1
  await t.post(textUpdate(member, `/start ${code}`));
  await t.post(callbackUpdate(member, `consent:yes:${code}`));
  documentId = (await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt', unitCodes: ['CS1'] })).documentId;
  t.api.calls.length = 0;
});
afterEach(() => t.close());

const lastText = () => {
  const call = t.api.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').at(-1);
  return String(call?.body.text ?? '');
};
const lastButtons = () => {
  const call = t.api.calls.filter((c) => c.body.reply_markup).at(-1);
  const markup = call?.body.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
};

describe('/tailieu', () => {
  it('lists the documents of the member’s units and opens a summary labelled as such once approved', async () => {
    await t.post(textUpdate(member, '/tailieu'));
    expect(lastText()).toContain('Nghị quyết số 02-NQ/ĐUK');
    const open = lastButtons().find((b) => b.callback_data === `doc:open:${documentId}`);
    expect(open).toBeDefined();

    await t.post(callbackUpdate(member, open!.callback_data));
    expect(lastText()).toContain('chờ cấp ủy duyệt');

    await t.services.approveSummary({ documentId }, 'cli');
    const before = t.api.calls.length;
    await t.post(callbackUpdate(member, open!.callback_data));
    // A long summary may continue in a second message; read the whole screen.
    const text = t.api.calls
      .slice(before)
      .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
      .map((c) => String(c.body.text))
      .join('\n');
    expect(text).toContain('TÓM TẮT');
    expect(text).toMatch(/\(mục [IVX]+(\.\d+)*\)/);
    const buttons = lastButtons();
    expect(buttons.map((b) => b.text)).toContain('✅ Đã học, quán triệt');
    expect(buttons.some((b) => b.callback_data.startsWith(`doc:sec:${documentId}:`))).toBe(true);
  });

  it('moves between sections and sends a section’s full text on request', async () => {
    await t.services.approveSummary({ documentId }, 'cli');
    await t.post(callbackUpdate(member, `doc:open:${documentId}`));
    const first = lastButtons().find((b) => b.text.startsWith('I.'))!;
    await t.post(callbackUpdate(member, first.callback_data));
    expect(lastText()).toContain('Mục I.');
    const next = lastButtons().find((b) => b.text === 'Mục sau ▶')!;
    await t.post(callbackUpdate(member, next.callback_data));
    expect(lastText()).toContain('Mục II.');
    const full = lastButtons().find((b) => b.text === '📖 Đọc toàn văn mục này')!;
    t.api.calls.length = 0;
    await t.post(callbackUpdate(member, full.callback_data));
    const sent = t.api.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.length <= 4096)).toBe(true);
    expect(sent.join('\n').length).toBeGreaterThan(1000);
  });

  it('records "Đã học, quán triệt" once, even on a double tap', async () => {
    await t.post(callbackUpdate(member, `doc:ok:${documentId}`));
    await t.post(callbackUpdate(member, `doc:ok:${documentId}`));
    const answers = t.api.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.body.text));
    expect(answers[0]).toContain('Đã ghi nhận');
    expect(answers[1]).toContain('trước đó');
    const [cb1] = await t.services.studyCoverage({ documentId });
    expect(cb1?.confirmed).toBe(1);
  });

  it('refuses a document of another unit and a stranger', async () => {
    await t.post(callbackUpdate(9999, `doc:open:${documentId}`));
    expect(t.api.lastAnswerShown()).toContain('chưa liên kết');
    const other = await t.services.importDocument({
      text: nq02.replace('02-NQ/ĐUK', '77-NQ/ĐUK'),
      sourceName: 'x.txt',
      unitCodes: ['CBCS'],
    });
    const sentBefore = t.api.sent().length;
    await t.post(callbackUpdate(member, `doc:open:${other.documentId}`));
    // The handler's own answer rides on the webhook response, which Telegram performs last, so
    // the refusal still reaches the member as the tap's alert (and needs no chat message).
    expect(t.api.lastAnswerShown()).toContain('Không tìm thấy');
    expect(t.api.sent()).toHaveLength(sentBefore);
  });
});

describe('/timkiem', () => {
  it('finds passages typed without diacritics and offers to open their section', async () => {
    await t.post(textUpdate(member, '/timkiem to chuc co so dang'));
    expect(lastText()).toContain('Kết quả tìm');
    expect(lastText().toLowerCase()).toContain('tổ chức cơ sở đảng');
    expect(lastButtons()[0]?.callback_data).toMatch(new RegExp(`^doc:sec:${documentId}:\\d+$`));
    await t.post(textUpdate(member, '/timkiem'));
    expect(lastText()).toContain('ví dụ');
    await t.post(textUpdate(member, '/timkiem xyzzy khongco'));
    expect(lastText()).toContain('Không tìm thấy');
  });
});
