import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import type { OutboxLimits } from '../../src/services/outbox/channel-sender';
import { enqueueBroadcast, type OutgoingMessage } from '../../src/services/outbox/enqueue-broadcast';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { createFakeChannel } from '../helpers/fake-channel';
import { createTestDb, type TestDb } from '../helpers/test-db';

const fast: OutboxLimits = { globalPerSecond: 1000, perChatIntervalMs: 1000, groupIntervalMs: 3000, maxInFlight: 8, maxAttempts: 3, staleClaimMs: 30_000 };
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const ctx = () => ({ db: t.db, clock: t.clock, actor: 'test' });
const messages = (n: number, prefix = 'b1'): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: null, channel: 'telegram', chatId: String(1000 + i), dedupeKey: `${prefix}:${i}`, text: `Tin số ${i}` }));
const statuses = async () =>
  Object.fromEntries((await t.db.all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM outbox_messages GROUP BY status`)).map((r) => [r.status, Number(r.n)]));

describe('outbox', () => {
  it('sends every message once, and enqueueing the same messages again sends nothing more', async () => {
    const first = await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'Thông báo', messages: messages(40), progress: { channel: 'telegram', chatId: '9' }, notLinked: 3 } });
    const again = await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'Thông báo', messages: messages(40) } });
    expect(first.queued).toBe(40);
    expect(again.queued).toBe(0);
    const fake = createFakeChannel();
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    await sender.drain();
    expect(fake.sent).toHaveLength(40);
    expect(new Set(fake.sent.map((s) => s.chatId)).size).toBe(40);
    expect(await statuses()).toEqual({ sent: 40 });
    // Progress message first, then the final report exactly once.
    const report = fake.edits.at(-1)!.text;
    expect(report).toContain('Đã gửi xong “Thông báo”: 40/40');
    expect(report).toContain('3 đồng chí chưa liên kết');
    await sender.drain();
    expect(fake.edits.filter((e) => e.text.includes('Đã gửi xong'))).toHaveLength(1);
  });

  it('waits as long as the channel says on 429, without counting it as a failure', async () => {
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'A', messages: messages(3) } });
    const fake = createFakeChannel((chatId, attempt) => (chatId === '1001' && attempt === 1 ? { kind: 'rate_limited', retryAfterSeconds: 1 } : { kind: 'sent', messageId: '1' }));
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    const started = performance.now();
    await sender.drain();
    expect(await statuses()).toEqual({ pending: 1, sent: 2 });
    t.clock.advance(1000);
    await sender.drain();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await statuses()).toEqual({ sent: 3 });
    const [row] = await t.db.all<{ attempts: number }>(sql`SELECT attempts FROM outbox_messages WHERE chat_id = '1001'`);
    expect(row?.attempts).toBe(1);
  });

  it('holds back one message the channel defers, without pausing the others or counting an attempt', async () => {
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'D', messages: messages(3) } });
    const fake = createFakeChannel((chatId, attempt) => (chatId === '1001' && attempt <= 3 ? { kind: 'deferred', retryAfterSeconds: 120, reason: 'busy' } : { kind: 'sent', messageId: '1' }));
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    const started = performance.now();
    await sender.drain();
    expect(performance.now() - started).toBeLessThan(1000); // no pause for the others
    expect(await statuses()).toEqual({ pending: 1, sent: 2 });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(120_000);
      await sender.drain();
    }
    expect(await statuses()).toEqual({ sent: 3 });
    const [row] = await t.db.all<{ attempts: number }>(sql`SELECT attempts FROM outbox_messages WHERE chat_id = '1001'`);
    expect(row?.attempts).toBe(1);
  });

  it('marks members who blocked the bot, and gives up on a message after repeated transient errors', async () => {
    await t.db.run(sql`INSERT INTO units (code, name, kind, path, created_at, updated_at) VALUES ('U', 'Chi bộ', 'chi_bo_co_so', '/1/', 0, 0)`);
    await t.db.run(sql`INSERT INTO members (code, full_name, unit_id, created_at, updated_at) VALUES ('M', 'Lê Văn A', 1, 0, 0)`);
    await t.db.run(sql`INSERT INTO channel_accounts (member_id, channel, external_id, chat_id, consent_at, linked_at) VALUES (1, 'telegram', '1000', '1000', 0, 0)`);
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'B', messages: messages(2), progress: { channel: 'telegram', chatId: '9', messageId: '55' } } });
    const fake = createFakeChannel((chatId) =>
      chatId === '1000' ? { kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' } : { kind: 'transient', reason: 'telegram 502' },
    );
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    for (let i = 0; i < 4; i++) {
      await sender.drain();
      t.clock.advance(60_000);
    }
    expect(await statuses()).toEqual({ blocked: 1, failed: 1 });
    expect(fake.attempts.get('1001')).toBe(3);
    const [account] = await t.db.all<{ blocked_at: number | null }>(sql`SELECT blocked_at FROM channel_accounts`);
    expect(account?.blocked_at).not.toBeNull();
    const report = fake.edits.at(-1)!;
    expect(report.messageId).toBe('55');
    expect(report.text).toContain('1 đồng chí đã chặn bot');
    expect(report.text).toContain('telegram 502: 1');
  });

  it('never resends a message a crashed sender had in flight, and reports it as uncertain', async () => {
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'C', messages: messages(3) } });
    await t.db.run(sql`UPDATE outbox_messages SET status = 'sending', claimed_at = ${t.clock.now().getTime()} WHERE chat_id = '1000'`);
    t.clock.advance(60_000);
    const fake = createFakeChannel();
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    expect(await sender.recoverInterrupted()).toBe(1);
    await sender.drain();
    expect(fake.sent.map((s) => s.chatId).sort()).toEqual(['1001', '1002']);
    expect(await statuses()).toEqual({ sent: 2, uncertain: 1 });
  });

  it('lets two senders share one outbox without sending any row twice', async () => {
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'D', messages: messages(60) } });
    const fake = createFakeChannel(async () => {
      await new Promise((r) => setTimeout(r, 2));
      return { kind: 'sent', messageId: '1' };
    });
    const a = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    const b = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: fast, logger: silentLogger });
    await Promise.all([a.drain(), b.drain()]);
    expect(fake.sent).toHaveLength(60);
    expect(new Set(fake.sent.map((s) => s.chatId)).size).toBe(60);
  });

  it('keeps at least the per-chat gap between two messages to one member', async () => {
    const two: OutgoingMessage[] = [
      { memberId: null, channel: 'telegram', chatId: '77', dedupeKey: 'x:1', text: 'Một' },
      { memberId: null, channel: 'telegram', chatId: '77', dedupeKey: 'x:2', text: 'Hai' },
    ];
    await enqueueBroadcast({ ctx: ctx(), input: { kind: 'test', title: 'E', messages: two } });
    const times: number[] = [];
    const fake = createFakeChannel(() => {
      times.push(performance.now());
      return { kind: 'sent', messageId: '1' };
    });
    const sender = createOutboxSender({ ctx: ctx(), sender: fake.channel, limits: { ...fast, perChatIntervalMs: 300 }, logger: silentLogger });
    await sender.drain();
    expect(fake.sent.map((s) => s.text)).toEqual(['Một', 'Hai']);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
  });
});
