import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { testBotInfo } from '../helpers/recording-bot-api';
import { createTestApp, webhookSecret } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

let t: Awaited<ReturnType<typeof createTestApp>>;
const member = 9101;

beforeEach(async () => {
  t = await createTestApp();
  const code = await t.invite('M2');
  await t.post(textUpdate(member, `/start ${code}`));
  await t.post(callbackUpdate(member, `consent:yes:${code}`));
  await t.services.importQuizSet({ set: smallQuizSet() });
  t.api.calls.length = 0;
});
afterEach(() => t.close());

type Button = { text: string; callback_data: string };
const screens = () => t.api.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
const lastScreen = () => {
  const call = screens().at(-1)!;
  const markup = call.body.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return { text: String(call.body.text), buttons: (markup?.inline_keyboard ?? []).flat() };
};
/** The letter a member would read next to an option text on the question screen. */
const letterOf = (text: string, option: string) => text.split('\n').find((l) => l.endsWith(`. ${option}`))?.charAt(0);

describe('/quiz in chat', () => {
  it('runs a quiz one question at a time, with explanation and source, to a result with sections to re-read', async () => {
    await t.post(textUpdate(member, '/quiz'));
    const menu = lastScreen();
    expect(menu.text).toContain('Ôn tập thử — 3 câu, không giới hạn thời gian');
    await t.post(callbackUpdate(member, menu.buttons[0]!.callback_data));

    let screen = lastScreen();
    expect(screen.text).toMatch(/^Câu 1\/3/);
    expect(screen.text).toContain('Bấm chữ cái');
    const right = letterOf(screen.text, 'Một tháng')!;
    await t.post(callbackUpdate(member, screen.buttons.find((b) => b.text === right)!.callback_data));
    screen = lastScreen();
    expect(screen.text).toContain('✅ Đúng rồi!');
    expect(screen.text).toContain('💡 Chi bộ sinh hoạt định kỳ mỗi tháng một lần.');
    expect(screen.text).toContain('📖 Nguồn: văn bản, mục II.1.');
    const oldAnswerButton = callbackUpdate(member, `qz:a:${screen.buttons[0]!.callback_data.split(':')[2]}:0:0`);
    await t.post(callbackUpdate(member, screen.buttons.find((b) => b.text === 'Câu tiếp theo ▶')!.callback_data));

    // Multi-select: tick one option (wrong on its own), confirm.
    screen = lastScreen();
    expect(screen.text).toContain('nhiều đáp án đúng');
    const tick = letterOf(screen.text, 'Kiểm điểm nghị quyết')!;
    await t.post(callbackUpdate(member, screen.buttons.find((b) => b.text === `☐ ${tick}`)!.callback_data));
    screen = lastScreen();
    expect(screen.buttons.map((b) => b.text)).toContain(`☑ ${tick}`);
    await t.post(callbackUpdate(member, screen.buttons.find((b) => b.text === '✔ Xác nhận')!.callback_data));
    screen = lastScreen();
    expect(screen.text).toContain('❌ Chưa đúng. Đáp án đúng:');
    expect(screen.text).toContain(`Đồng chí chọn: ${tick}.`);

    // Ticking a box under the question just answered is refused as stale, with an alert.
    await t.post(callbackUpdate(member, `qz:t:${screen.buttons[0]!.callback_data.split(':')[2]}:1:1`));
    const stale = t.api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(String(stale.body.text)).toContain('đã qua rồi');

    // A tap on the first question's old button changes nothing and says so.
    await t.post(oldAnswerButton);
    const answer = t.api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(String(answer.body.text)).toContain('đã trả lời rồi');

    await t.post(callbackUpdate(member, screen.buttons[0]!.callback_data));
    screen = lastScreen();
    await t.post(callbackUpdate(member, screen.buttons.find((b) => b.text === letterOf(screen.text, 'Sáu tháng'))!.callback_data));
    screen = lastScreen();
    expect(screen.buttons.map((b) => b.text)).toEqual(['Xem kết quả 🏁']);
    await t.post(callbackUpdate(member, screen.buttons[0]!.callback_data));
    const result = lastScreen().text;
    expect(result).toContain('Đúng 2/3 câu (67%) — Đạt');
    expect(result).toContain('Các câu chưa đúng:');
    expect(result).toContain('Nên đọc lại: mục II.2.');
    expect(await t.count('quiz_answers')).toBe(3);
  });

  it('resumes where the member left off', async () => {
    await t.post(textUpdate(member, '/quiz'));
    await t.post(callbackUpdate(member, lastScreen().buttons[0]!.callback_data));
    const q = lastScreen();
    await t.post(callbackUpdate(member, q.buttons[0]!.callback_data));
    await t.post(textUpdate(member, '/quiz'));
    const menu = lastScreen();
    expect(menu.buttons[0]!.text).toContain('▶ Tiếp tục');
    await t.post(callbackUpdate(member, menu.buttons[0]!.callback_data));
    expect(lastScreen().text).toMatch(/^Câu 2\/3/);
  });

  it('continues an attempt after a restart: a new process on the same database takes the next tap', async () => {
    await t.post(textUpdate(member, '/quiz'));
    await t.post(callbackUpdate(member, lastScreen().buttons[0]!.callback_data));
    const question = lastScreen();
    const restarted = createApp({ config: t.chibo.config, db: t.db, clock: t.clock, logger: silentLogger, botInfo: testBotInfo });
    const res = await restarted.app.request('/webhook/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret },
      body: JSON.stringify(callbackUpdate(member, question.buttons[0]!.callback_data)),
    });
    expect(res.status).toBe(200);
    expect(lastScreen().text).toMatch(/Đúng rồi|Chưa đúng/);
    expect(await t.count('quiz_answers')).toBe(1);
  });

  it('asks contest entrants for the prediction and records a typed number', async () => {
    const now = t.clock.now();
    await t.services.createContest({
      slug: 'thi',
      title: 'Thi tìm hiểu',
      setSlug: 'on-tap-thu',
      opensAt: now,
      closesAt: new Date(now.getTime() + 86_400_000),
      attemptsAllowed: 1,
      askPrediction: true,
      unitCodes: [],
    });
    await t.post(textUpdate(member, '/quiz'));
    const contest = lastScreen().buttons.find((b) => b.text.startsWith('🏆 Dự thi'))!;
    await t.post(callbackUpdate(member, contest.callback_data));
    for (let i = 0; i < 3; i++) {
      const q = lastScreen();
      const choice = q.buttons.find((b) => /^[A-Z]$/.test(b.text) || b.text.startsWith('☐'))!;
      await t.post(callbackUpdate(member, choice.callback_data));
      const after = lastScreen();
      const confirm = after.buttons.find((b) => b.text === '✔ Xác nhận');
      if (confirm) await t.post(callbackUpdate(member, confirm.callback_data));
      const next = lastScreen().buttons[0]!;
      await t.post(callbackUpdate(member, next.callback_data));
    }
    expect(t.api.sent().at(-1)).toContain('có bao nhiêu người trả lời đúng tất cả');
    await t.post(textUpdate(member, '12'));
    expect(t.api.sent().at(-1)).toContain('Đã ghi nhận dự đoán của đồng chí: 12 người');
    const board = await t.services.contestLeaderboard({ contestId: 1 });
    expect(board.rows[0]).toMatchObject({ memberCode: 'M2', prediction: 12 });
    // An entrant from another unit is counted overall but not listed on this member's board.
    const [m5] = await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M5'`);
    const other = await t.services.startAttempt({ memberId: m5!.id, contestId: 1 });
    for (let p = 0; p < 3; p++) await t.services.answerQuestion({ memberId: m5!.id, attemptId: other.attemptId, position: p, displayed: [0] });
    await t.post(textUpdate(member, '/xephang'));
    await t.post(callbackUpdate(member, lastScreen().buttons[0]!.callback_data));
    const unitBoard = t.api.sent().at(-1)!;
    expect(unitBoard).toContain('1. Trần Thị Bình');
    expect(unitBoard).toContain('Toàn cuộc thi: 2 người dự thi');
    expect(unitBoard).not.toContain('Hoàng Văn Em');
  });
});
