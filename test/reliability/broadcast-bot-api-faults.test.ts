import { Api } from 'grammy';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramChannelSender } from '../../bot/telegram/telegram-channel-sender';
import { outboxTexts } from '../../src/locales/vi-outbox';
import { silentLogger } from '../../src/logger';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { enqueueBroadcast } from '../../src/services/outbox/enqueue-broadcast';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type ChaosRequest, type Reaction, startChaoticBotApi } from './helpers/chaotic-bot-api';
import { fastClock } from './helpers/fast-clock';
import { until } from './helpers/pool';

// A broadcast drained by the real outbox sender through the real Telegram channel sender,
// against a Bot API that has a 429 storm, answers 5xx, drops connections and answers slowly.
// The stand-in counts what each chat really received: every message must arrive exactly once,
// or be reported as failed, blocked or uncertain — never twice.

const recipients = 600;
const chatOf = (i: number) => String(700_000 + i);
const progressChat = '699999';
const stormAfter = 200; // broadcast requests before the storm
const stormSeconds = 2;
const limits = { ...telegramLimits, globalPerSecond: 300 };

type Category = 'blocked' | 'always-500' | 'flaky-502' | 'drop-before' | 'drop-after' | 'slow' | 'ok';
function categoryOf(i: number): Category {
  if (i % 100 === 99) return 'blocked';
  if (i % 50 === 7) return 'always-500';
  if (i % 10 === 3) return 'flaky-502';
  if (i % 10 === 5) return 'drop-before';
  if (i % 10 === 6) return 'drop-after';
  if (i % 10 === 8) return 'slow';
  return 'ok';
}
const expectedStatus: Record<Category, string> = {
  blocked: 'blocked',
  'always-500': 'failed',
  'flaky-502': 'sent',
  'drop-before': 'uncertain',
  'drop-after': 'uncertain',
  slow: 'sent',
  ok: 'sent',
};
/** What the chat really received. */
const expectedDelivered: Record<Category, number> = { blocked: 0, 'always-500': 0, 'flaky-502': 1, 'drop-before': 0, 'drop-after': 1, slow: 1, ok: 1 };
/** Requests the chat's message took, 429s aside: retries only where a retry is safe. */
const expectedAttempts: Record<Category, number> = { blocked: 1, 'always-500': limits.maxAttempts, 'flaky-502': 2, 'drop-before': 1, 'drop-after': 1, slow: 1, ok: 1 };

function misbehaviour() {
  const attempts = new Map<string, number>();
  let broadcastRequests = 0;
  let stormStartedAt: number | null = null;
  return (r: ChaosRequest): Reaction => {
    if (r.method !== 'sendMessage' || r.chatId === progressChat) return { kind: 'ok' };
    broadcastRequests++;
    if (stormStartedAt === null && broadcastRequests > stormAfter) stormStartedAt = r.at;
    if (stormStartedAt !== null && r.at - stormStartedAt < stormSeconds * 1000) {
      return { kind: 'error', status: 429, description: `Too Many Requests: retry after ${stormSeconds}`, retryAfter: stormSeconds };
    }
    const n = (attempts.get(r.chatId!) ?? 0) + 1;
    attempts.set(r.chatId!, n);
    switch (categoryOf(Number(r.chatId) - 700_000)) {
      case 'blocked':
        return { kind: 'error', status: 403, description: 'Forbidden: bot was blocked by the user' };
      case 'always-500':
        return { kind: 'error', status: 500, description: 'Internal Server Error' };
      case 'flaky-502':
        return n === 1 ? { kind: 'error', status: 502, description: 'Bad Gateway' } : { kind: 'ok' };
      case 'drop-before':
        return n === 1 ? { kind: 'drop-before' } : { kind: 'ok' };
      case 'drop-after':
        return n === 1 ? { kind: 'drop-after' } : { kind: 'ok' };
      case 'slow':
        return { kind: 'slow', ms: 1500 };
      case 'ok':
        return { kind: 'ok' };
    }
  };
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

describe('a broadcast while the Bot API misbehaves', () => {
  it('delivers each message once, or reports it failed, blocked or uncertain; honours retry_after', async () => {
    const api = await startChaoticBotApi(misbehaviour());
    // Retry backoffs (2 s, 4 s, 8 s …) run on the business clock, 20 times faster here.
    const clock = fastClock(20);
    const ctx = { db: t.db, clock, actor: 'outbox' };
    const { broadcastId } = await enqueueBroadcast({
      ctx,
      input: {
        kind: 'meeting_notice',
        title: 'Thông báo sinh hoạt chi bộ tháng 12',
        progress: { channel: 'telegram', chatId: progressChat },
        messages: Array.from({ length: recipients }, (_, i) => ({
          memberId: null,
          channel: 'telegram',
          chatId: chatOf(i),
          dedupeKey: `chaos:${i}`,
          text: `Kính gửi đồng chí số ${i}: chi bộ sinh hoạt định kỳ ngày 5/12.`,
        })),
      },
    });
    const sender = createOutboxSender({ ctx, sender: createTelegramChannelSender(new Api('123456:chaos', { apiRoot: api.apiRoot })), limits, logger: silentLogger });

    const started = performance.now();
    const running = sender.run(50);
    const reported = async () => (await t.db.all<{ r: number | null }>(sql`SELECT reported_at AS r FROM broadcasts WHERE id = ${broadcastId}`))[0]?.r != null;
    try {
      await until('the broadcast to finish and report', reported, 90_000);
    } finally {
      sender.stop();
      await running;
      await api.close();
    }
    const seconds = (performance.now() - started) / 1000;

    const rows = await t.db.all<{ chat_id: string; status: string; last_error: string | null }>(sql`
      SELECT chat_id, status, last_error FROM outbox_messages WHERE broadcast_id = ${broadcastId} ORDER BY id`);
    expect(rows).toHaveLength(recipients);
    const nonStorm = new Map<string, number>();
    for (const a of api.answers) if (a.method === 'sendMessage' && a.status !== 429 && a.chatId) nonStorm.set(a.chatId, (nonStorm.get(a.chatId) ?? 0) + 1);
    const seen = rows.map((r, i) => ({
      i,
      category: categoryOf(i),
      status: r.status,
      delivered: api.delivered.get(r.chat_id) ?? 0,
      attempts: nonStorm.get(r.chat_id) ?? 0,
    }));
    const wanted = seen.map((s) => ({ ...s, status: expectedStatus[s.category], delivered: expectedDelivered[s.category], attempts: expectedAttempts[s.category] }));
    expect(seen).toEqual(wanted);
    // Never twice, whatever the sender believed.
    expect([...api.delivered.entries()].filter(([chat, n]) => chat !== progressChat && n > 1)).toEqual([]);
    expect(rows.filter((r) => r.status === 'failed').every((r) => r.last_error === 'telegram 500')).toBe(true);

    // The storm happened, and the sender paused instead of hammering: only requests already
    // on their way when the first 429 came back may meet the storm.
    const tooMany = api.answers.filter((a) => a.status === 429).length;
    expect(tooMany).toBeGreaterThan(0);
    expect(tooMany).toBeLessThanOrEqual(2 * limits.maxInFlight);

    // The starter got one final report, with the true figures.
    const count = (c: Category) => seen.filter((s) => s.category === c).length;
    const report = outboxTexts.report({
      title: 'Thông báo sinh hoạt chi bộ tháng 12',
      total: recipients,
      sent: count('ok') + count('slow') + count('flaky-502'),
      failed: count('always-500'),
      blocked: count('blocked'),
      uncertain: count('drop-before') + count('drop-after'),
      pending: 0,
      notLinked: 0,
      errors: [{ reason: 'telegram 500', count: count('always-500') }],
    });
    const toStarter = api.answers.filter((a) => a.chatId === progressChat).map((a) => String(a.body.text));
    expect(toStarter.filter((text) => text.startsWith('✅'))).toEqual([report]);
    console.info(`[reliability] broadcast of ${recipients} through a 429 storm and faults: ${seconds.toFixed(1)} s, ${tooMany} × 429`);
  });
});
