import { Api } from 'grammy';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannelSender } from '../../bot/telegram/telegram-channel-sender';
import { outboxTexts } from '../../src/locales/vi-outbox';
import { silentLogger } from '../../src/logger';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/services/context';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { updateLeaseMs } from '../../src/services/updates/lease-update';
import { enqueueBroadcast } from '../../src/services/outbox/enqueue-broadcast';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { startRecordingBotApi } from '../helpers/recording-bot-api';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { callbackUpdate } from '../helpers/updates';
import { startChaoticBotApi } from './helpers/chaotic-bot-api';
import { type ChiboServer, startChiboServer } from './helpers/chibo-server';
import { populateCrowd } from './helpers/crowd';
import { integrityCheck } from './helpers/db-snapshot';
import { mapWithConcurrency, sleep, until } from './helpers/pool';
import { answersPerQuery, perChat } from './helpers/recorded-calls';
import { deliverUntilAcknowledged, postUpdate } from './helpers/webhook-client';

// The real server (src/entry/node.ts on a file database, webhook mode, outbox sender running)
// is killed with SIGKILL half way through a broadcast, and half way through a burst of quiz
// answers, and while handlers wait on the Bot API, then started again on the same file: nothing
// acknowledged is lost, nothing unacknowledged is lost once Telegram redelivers it, nothing is
// done twice, and the database is intact.

let t: TestDb;
const servers: ChiboServer[] = [];
const closers: (() => Promise<void>)[] = [];
const start = async (apiRoot: string) => {
  const server = await startChiboServer({ databaseUrl: t.url, apiRoot });
  servers.push(server);
  return server;
};
afterEach(async () => {
  for (const s of servers.splice(0)) await s.kill9();
  for (const close of closers.splice(0)) await close();
  t.close();
});

const recipients = 240;
const progressChat = 699_999;
const title = 'Thông báo sinh hoạt chi bộ tháng 12';

describe('kill -9 and restart', () => {
  it('in the middle of a broadcast: no message twice, none lost, one final report', async () => {
    t = await createTestDb();
    // Answers take 300 ms, as over a real network, so requests are in flight when the kill comes.
    const slowApi = await startChaoticBotApi((r) => (r.method === 'sendMessage' && r.chatId !== String(progressChat) ? { kind: 'slow', ms: 300 } : { kind: 'ok' }));
    closers.push(slowApi.close);
    let server = await start(slowApi.apiRoot);
    // A notice queued as a webhook request would queue it; the server's sender drains it at 30/s.
    const { broadcastId } = await enqueueBroadcast({
      ctx: { db: t.db, clock: systemClock, actor: 'test' },
      input: {
        kind: 'meeting_notice',
        title,
        progress: { channel: 'telegram', chatId: String(progressChat) },
        messages: Array.from({ length: recipients }, (_, i) => ({
          memberId: null,
          channel: 'telegram',
          chatId: String(600_000 + i),
          dedupeKey: `kill9:${i}`,
          text: `Kính gửi đồng chí số ${i}: chi bộ sinh hoạt định kỳ ngày 5/12.`,
        })),
      },
    });
    const received = () => {
      const chats = new Map(slowApi.delivered);
      chats.delete(String(progressChat));
      return chats;
    };
    const delivered = () => [...received().values()].reduce((a, b) => a + b, 0);

    await until('the first 100 messages', () => delivered() >= 100, 60_000, 10);
    await server.kill9();
    const atKill = delivered();
    // Dead means dead: nothing more goes out until the restart.
    await sleep(1000);
    expect(delivered()).toBe(atKill);
    expect(await integrityCheck(t.db)).toBe('ok');
    const status = async () =>
      Object.fromEntries(
        (await t.db.all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM outbox_messages WHERE broadcast_id = ${broadcastId} GROUP BY status`)).map((r) => [r.status, Number(r.n)]),
      ) as Record<string, number>;
    const inDoubt = (await status()).sending ?? 0;
    expect(inDoubt).toBeGreaterThan(0);
    expect(inDoubt).toBeLessThanOrEqual(telegramLimits.maxInFlight);

    server = await start(slowApi.apiRoot);
    // Drained: nothing pending, and nothing in flight but what the dead sender left.
    await until('the restarted sender to drain what was pending', async () => {
      const now = await status();
      return (now.pending ?? 0) === 0 && now.sending === inDoubt;
    }, 60_000, 100);
    // Rows claimed by the dead sender stay "sending" until the claim is older than staleClaimMs
    // (60 s); a sender looking at the outbox after that marks them uncertain, never resends them,
    // and tells the starter the broadcast is over.
    const later = { now: () => new Date(Date.now() + telegramLimits.staleClaimMs + 1000) };
    const recovery = createOutboxSender({
      ctx: { db: t.db, clock: later, actor: 'outbox' },
      sender: createTelegramChannelSender(new Api('123456:TEST-token', { apiRoot: slowApi.apiRoot })),
      limits: telegramLimits,
      logger: silentLogger,
    });
    expect(await recovery.recoverInterrupted()).toBe(inDoubt);
    const reports = () => slowApi.answers.filter((a) => a.chatId === String(progressChat) && String(a.body.text).startsWith('✅')).map((a) => String(a.body.text));
    await until('the final report', () => reports().length > 0, 20_000);
    await sleep(1500); // a second report would come within the sender's next round
    expect((await server.stop()).code).toBe(0);

    const final = await status();
    expect(final).toEqual({ sent: recipients - inDoubt, uncertain: inDoubt });
    const rows = await t.db.all<{ chat_id: string; status: string }>(sql`SELECT chat_id, status FROM outbox_messages WHERE broadcast_id = ${broadcastId}`);
    const got = received();
    // Nothing twice; every "sent" row really arrived; only the rows in doubt may be missing.
    expect([...got.values()].filter((n) => n > 1)).toEqual([]);
    expect(rows.filter((r) => r.status === 'sent' && got.get(r.chat_id) !== 1)).toEqual([]);
    expect(rows.filter((r) => !got.has(r.chat_id) && r.status !== 'uncertain')).toEqual([]);
    expect(reports()).toEqual([
      outboxTexts.report({ title, total: recipients, sent: recipients - inDoubt, failed: 0, blocked: 0, uncertain: inDoubt, pending: 0, notLinked: 0, errors: [] }),
    ]);
    expect(await integrityCheck(t.db)).toBe('ok');
    console.info(`[reliability] broadcast killed at ${atKill}/${recipients} delivered; ${inDoubt} in flight left in doubt (marked uncertain, not resent)`);
  });

  it('in the middle of a burst of quiz answers: every acknowledged answer kept, none doubled', async () => {
    t = await createTestDb();
    const api = await startRecordingBotApi();
    closers.push(api.close);
    const services = createServices({ db: t.db, clock: systemClock });
    await services.importUnits(smallTree);
    await services.importMembers(smallRoster);
    const crowd = await populateCrowd(t.db, services, { quiz: 300, attend: 0, excused: 0, linking: 0 });
    let server = await start(api.apiRoot);
    const updates = crowd.quiz.map((p, i) => callbackUpdate(p.telegramId, `qz:a:${p.attemptId}:0:${i % 3}`, 90_000_000 + i));

    // 20 in flight; at the 120th acknowledged answer the server is killed.
    let killed = false;
    let acknowledged = 0;
    const outcome = await mapWithConcurrency(updates, 20, async (u) => {
      if (killed) return 'not-sent' as const;
      const answer = await postUpdate(server.webhookUrl, u, { timeoutMs: 20_000, replyTo: api.apiRoot }).catch(() => null);
      if (answer?.status === 200) {
        if (++acknowledged === 120) {
          killed = true;
          void server.kill9();
        }
        return 'acknowledged' as const;
      }
      return 'cut' as const;
    });
    await server.kill9();
    expect(await integrityCheck(t.db)).toBe('ok');
    const answered = async () => new Set((await t.db.all<{ attempt_id: number }>(sql`SELECT attempt_id FROM quiz_answers WHERE position = 0`)).map((r) => Number(r.attempt_id)));
    const attemptOf = (i: number) => crowd.quiz[i]!.attemptId;
    const indexes = (kind: (typeof outcome)[number]) => outcome.flatMap((o, i) => (o === kind ? [i] : []));
    const acked = indexes('acknowledged');
    const cut = indexes('cut');
    expect(acked.length).toBeGreaterThanOrEqual(120);
    // Every answer that got its 200 is in the database.
    const afterKill = await answered();
    expect(acked.filter((i) => !afterKill.has(attemptOf(i)))).toEqual([]);

    // Restart; Telegram redelivers what it got no answer for (again and again until answered
    // with 200), then the rest arrives. An update cut while its handler ran is still claimed by
    // the dead process: not acknowledged until that lease runs out, then handled again.
    server = await start(api.apiRoot);
    const again = [...cut, ...indexes('not-sent')];
    const redelivered = await deliverUntilAcknowledged(server.webhookUrl, again.map((i) => updates[i]!), { replyTo: api.apiRoot });
    expect(redelivered.filter((statuses) => statuses.at(-1) !== 200)).toEqual([]);
    expect(redelivered.flat().filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const handledAgain = new Set(again.filter((_, k) => redelivered[k]!.includes(503)).map((i) => String(updates[i]!.callback_query.id)));
    const afterRestart = await answered();
    // Nothing lost: every answer is in, with no member tapping again.
    expect(updates.map((_, i) => i).filter((i) => !afterRestart.has(attemptOf(i)))).toEqual([]);
    expect((await server.stop()).code).toBe(0);

    const [totals] = await t.db.all<{ n: number; attempts: number }>(sql`SELECT count(*) AS n, count(DISTINCT attempt_id) AS attempts FROM quiz_answers`);
    expect([Number(totals!.n), Number(totals!.attempts)]).toEqual([crowd.quiz.length, crowd.quiz.length]);
    // No update was handled twice but those cut mid-handling (their second answer to the tap is
    // refused by Telegram, which keeps the first): every other tap answered at most once, each
    // member shown one verdict at most.
    expect([...answersPerQuery(api.calls)].filter(([query, n]) => n > 1 && !handledAgain.has(query))).toEqual([]);
    const verdicts = perChat(api.calls, 'editMessageText');
    expect([...verdicts.values()].filter((n) => n > 1)).toEqual([]);
    expect([...acked, ...indexes('not-sent')].filter((i) => verdicts.get(crowd.quiz[i]!.telegramId) !== 1)).toEqual([]);
    expect(await integrityCheck(t.db)).toBe('ok');
    console.info(`[reliability] quiz burst killed after ${acked.length} acknowledged; ${cut.length} cut in flight, of which ${handledAgain.size} were claimed mid-handling and handled again once the lease ran out`);
  });

  it('while handlers wait on the Bot API: their redeliveries are handled again once the lease runs out, nothing lost, nothing stored twice', async () => {
    t = await createTestDb();
    // First life: the Bot API never answers editMessageText, so every handler has stored the
    // answer and is waiting on Telegram to show the verdict when the kill comes; no update is
    // acknowledged. (A meeting reply makes no call of its own: its answer rides on the response.)
    const hanging = await startChaoticBotApi((r) => (r.method === 'editMessageText' ? { kind: 'hang' } : { kind: 'ok' }));
    closers.push(hanging.close);
    const services = createServices({ db: t.db, clock: systemClock });
    await services.importUnits(smallTree);
    await services.importMembers(smallRoster);
    const crowd = await populateCrowd(t.db, services, { quiz: 30, attend: 0, excused: 0, linking: 0 });
    const updates = crowd.quiz.map((p, i) => callbackUpdate(p.telegramId, `qz:a:${p.attemptId}:0:${i % 3}`, 92_000_000 + i));
    let server = await start(hanging.apiRoot);
    const firstTries = updates.map((u) => postUpdate(server.webhookUrl, u, { timeoutMs: 20_000 }).catch(() => null));
    await until('every handler to wait on editMessageText', () => hanging.answers.filter((a) => a.method === 'editMessageText').length === updates.length, 20_000);
    await server.kill9();
    expect((await Promise.all(firstTries)).filter((a) => a?.status === 200)).toEqual([]);
    const claims = async () =>
      (await t.db.all<{ open: number; handled: number }>(sql`
        SELECT count(*) FILTER (WHERE handled_at IS NULL) AS open, count(handled_at) AS handled FROM processed_updates WHERE channel = 'telegram'`))[0]!;
    expect(await claims()).toEqual({ open: updates.length, handled: 0 });

    // Second life against a Bot API that answers. Telegram delivers every update again until it
    // gets a 200: refused (503, not "duplicate") while the dead process's lease runs, then handled.
    const api = await startRecordingBotApi();
    closers.push(api.close);
    server = await start(api.apiRoot);
    const started = performance.now();
    const statuses = await deliverUntilAcknowledged(server.webhookUrl, updates, { replyTo: api.apiRoot });
    const waitedMs = performance.now() - started;
    expect((await server.stop()).code).toBe(0);
    expect(statuses.map((s) => [s[0], s.at(-1)])).toEqual(updates.map(() => [503, 200]));
    expect(waitedMs).toBeLessThan(updateLeaseMs + 15_000);

    // Every tap answered once by the living server; each answer stored once.
    const answered = answersPerQuery(api.calls);
    expect(updates.map((u) => answered.get(u.callback_query.id) ?? 0)).toEqual(updates.map(() => 1));
    const [answers] = await t.db.all<{ n: number; attempts: number }>(sql`SELECT count(*) AS n, count(DISTINCT attempt_id) AS attempts FROM quiz_answers`);
    expect([Number(answers!.n), Number(answers!.attempts)]).toEqual([crowd.quiz.length, crowd.quiz.length]);
    expect(await claims()).toEqual({ open: 0, handled: updates.length });
    expect(await integrityCheck(t.db)).toBe('ok');
  });
});
