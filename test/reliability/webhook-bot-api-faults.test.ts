import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { testBotInfo } from '../helpers/recording-bot-api';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';
import { type ChaosRequest, type Reaction, startChaoticBotApi } from './helpers/chaotic-bot-api';
import { type Crowd, populateCrowd, telegramIdBase } from './helpers/crowd';
import { serveApp } from './helpers/serve-app';
import { until } from './helpers/pool';
import { isHandled, isWebhookReply, postUpdate } from './helpers/webhook-client';

// A webhook request handles its update in line, and the handler talks to the Bot API
// (answer the tap, edit the screen, reply). When the Bot API hangs, fails or drops the
// connection, the webhook must still answer Telegram in time, and what the member did
// (an answer, a reply, a link) must already be recorded.

/** The webhook's deadline (src/http/telegram-webhook.ts), plus slack for a loaded machine. */
const deadlineMs = 10_000;
const slackMs = 3_000;
const perCase = 5;

let t: Awaited<ReturnType<typeof createTestApp>>;
let crowd: Crowd;
let strangerId = telegramIdBase.stranger + 90_000;
let updateId = 80_000_000;

beforeAll(async () => {
  t = await createTestApp();
  crowd = await populateCrowd(t.db, t.services, { quiz: 3 * perCase, attend: 3 * perCase, excused: 0, linking: 3 * perCase });
});
afterAll(() => t.close());

/** The same app and database, its bot pointed at a Bot API that reacts with `decide`. */
async function appFacing(decide: (r: ChaosRequest) => Reaction) {
  const api = await startChaoticBotApi(decide);
  const config = { ...t.chibo.config, telegram: { ...t.chibo.config.telegram, apiRoot: api.apiRoot } };
  const chibo = createApp({ config, db: t.db, clock: t.clock, logger: silentLogger, botInfo: testBotInfo });
  const server = await serveApp(chibo.app);
  return {
    api,
    url: server.webhookUrl,
    async close() {
      await server.close();
      await api.close();
    },
  };
}

/** Case k: five members of each kind act — a quiz answer, "Tham dự", consent to link — and five strangers write. */
function updatesFor(k: number) {
  const slice = <T>(list: T[]) => list.slice(k * perCase, (k + 1) * perCase);
  return {
    quiz: slice(crowd.quiz),
    attend: slice(crowd.attend),
    linking: slice(crowd.linking),
    updates: [
      ...slice(crowd.quiz).map((p) => callbackUpdate(p.telegramId, `qz:a:${p.attemptId}:0:1`, updateId++)),
      ...slice(crowd.attend).map((p) => callbackUpdate(p.telegramId, `mt:y:${crowd.meetingId}`, updateId++)),
      ...slice(crowd.linking).map((p) => callbackUpdate(p.telegramId, `consent:yes:${p.code}`, updateId++)),
      ...Array.from({ length: perCase }, () => textUpdate(strangerId++, 'Xin chào')),
    ],
  };
}

/** What the members did is stored, whatever happened to the bot's answers. */
async function expectRecorded(k: ReturnType<typeof updatesFor>) {
  const ids = (list: { memberId: number }[]) => JSON.stringify(list.map((p) => p.memberId));
  const [answers] = await t.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM quiz_answers WHERE attempt_id IN (SELECT value FROM json_each(${JSON.stringify(k.quiz.map((p) => p.attemptId))}))`);
  const [replies] = await t.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM meeting_invitees WHERE reply = 'attending' AND member_id IN (SELECT value FROM json_each(${ids(k.attend)}))`);
  const [links] = await t.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM channel_accounts WHERE member_id IN (SELECT value FROM json_each(${ids(k.linking)}))`);
  const [claims] = await t.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM processed_updates WHERE update_id IN (SELECT value FROM json_each(${JSON.stringify(k.updates.map((u) => u.update_id))}))`);
  expect([answers?.n, replies?.n, links?.n, claims?.n].map(Number)).toEqual([perCase, perCase, perCase, 4 * perCase]);
}

describe('the webhook while the Bot API misbehaves', () => {
  it('answers within its deadline when the Bot API hangs, with every action recorded', async () => {
    const app = await appFacing(() => ({ kind: 'hang' }));
    const k = updatesFor(0);
    try {
      const answers = await Promise.all(k.updates.map((u) => postUpdate(app.url, u, { timeoutMs: 30_000 })));
      const slowest = Math.max(...answers.map((a) => a.ms));
      expect(answers.map((a) => a.status)).toEqual(k.updates.map(() => 200));
      expect(slowest).toBeLessThan(deadlineMs + slackMs);
      // Handlers still waiting for the Bot API were acknowledged at the deadline. A meeting reply
      // needs no call of its own (its answer rides on the response), so it was answered at once.
      const isAttend = (i: number) => i >= perCase && i < 2 * perCase;
      expect(answers.map((a, i) => (isAttend(i) ? isWebhookReply(a) && a.ms < deadlineMs : a.body?.late === true))).toEqual(k.updates.map(() => true));
      // A tap answered before the deadline but acknowledged without its answer still gets it:
      // sent to the Bot API directly (where it hangs too, like everything else here).
      const tapsAckedLate = k.updates.filter((u, i) => 'callback_query' in u && !isAttend(i)).map((u) => (u as { callback_query: { id: string } }).callback_query.id);
      expect(tapsAckedLate.length).toBe(2 * perCase);
      await until('the late taps to be answered directly', () => tapsAckedLate.every((id) => app.api.answers.some((r) => r.method === 'answerCallbackQuery' && r.body.callback_query_id === id)), 5_000);
      await expectRecorded(k);
      // Telegram's redelivery of the same updates is acknowledged at once and changes nothing.
      const again = await Promise.all(k.updates.map((u) => postUpdate(app.url, u, { timeoutMs: 5_000 })));
      expect(again.map((a) => [a.status, a.body?.duplicate])).toEqual(k.updates.map(() => [200, true]));
      await expectRecorded(k);
      console.info(`[reliability] webhook with a hanging Bot API: slowest answer ${(slowest / 1000).toFixed(1)} s`);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['answers 502', 1, (): Reaction => ({ kind: 'error', status: 502, description: 'Bad Gateway' })],
    ['drops every connection', 2, (): Reaction => ({ kind: 'drop-after' })],
  ] as const)('answers at once when the Bot API %s, with every action recorded', async (_label, k, reaction) => {
    const app = await appFacing(reaction);
    const batch = updatesFor(k);
    try {
      const answers = await Promise.all(batch.updates.map((u) => postUpdate(app.url, u, { timeoutMs: 60_000 })));
      expect(answers.map(isHandled)).toEqual(batch.updates.map(() => true));
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(deadlineMs);
      await expectRecorded(batch);
      // The bot tried to speak (and its error boundary tried once more), but never looped.
      expect(app.api.answers.length).toBeGreaterThan(0);
      expect(app.api.answers.length).toBeLessThanOrEqual(4 * batch.updates.length);
    } finally {
      await app.close();
    }
  });
});
