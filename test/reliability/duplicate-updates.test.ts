import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app';
import { type Crowd, populateCrowd } from './helpers/crowd';
import { changedTables, snapshotTables } from './helpers/db-snapshot';
import { mapWithConcurrency } from './helpers/pool';
import { answersPerQuery, entries, perChat } from './helpers/recorded-calls';
import { seeded } from './helpers/seeded';
import { serveApp } from './helpers/serve-app';
import { buildUpdateMix, type MixedUpdate, mixSizes } from './helpers/update-mix';
import { postUpdate } from './helpers/webhook-client';

// The same 1,000 updates (quiz taps, meeting replies, deep links, plain messages) reach the
// real HTTP webhook twice: in order and then again all at once, or twice each in a shuffled
// order with 50 in flight. Telegram redelivers whenever it misses an answer, so both must
// leave exactly what one delivery leaves, and the bot must speak once per update.

interface World {
  t: Awaited<ReturnType<typeof createTestApp>>;
  crowd: Crowd;
  mix: ReturnType<typeof buildUpdateMix>;
  url: string;
  close(): Promise<void>;
}
const opened: World[] = [];
afterEach(async () => {
  for (const w of opened.splice(0)) await w.close();
});

async function createWorld(): Promise<World> {
  const t = await createTestApp();
  const crowd = await populateCrowd(t.db, t.services, mixSizes);
  const server = await serveApp(t.chibo.app);
  const mix = buildUpdateMix(crowd, 70_000_000);
  const world: World = {
    t,
    crowd,
    mix,
    url: server.webhookUrl,
    async close() {
      await server.close();
      await t.close();
    },
  };
  opened.push(world);
  return world;
}

// unit_members: the dashboard's rollup of members linked per unit, kept by triggers on channel_accounts.
const changedByTheMix = ['audit_log', 'channel_accounts', 'chat_prompts', 'invites', 'meeting_invitees', 'processed_updates', 'quiz_answers', 'unit_members'];

/** Everything one handling of each update leaves behind, counted exactly. */
async function expectHandledOnce(world: World, before: Awaited<ReturnType<typeof snapshotTables>>) {
  const { t, crowd, mix } = world;
  const n = async (query: ReturnType<typeof sql>) => Number((await t.db.all<{ n: number }>(query))[0]?.n ?? -1);

  // One answer per attempt and position, whichever of the two devices won.
  expect(await n(sql`SELECT count(*) AS n FROM quiz_answers`)).toBe(mixSizes.quiz);
  expect(await n(sql`SELECT count(DISTINCT attempt_id) AS n FROM quiz_answers WHERE position = 0`)).toBe(mixSizes.quiz);
  // Replies: the 150 who tapped "Tham dự" (50 of them twice), nobody else.
  const attending = await t.db.all<{ member_id: number }>(sql`
    SELECT member_id FROM meeting_invitees WHERE meeting_id = ${crowd.meetingId} AND reply = 'attending' ORDER BY member_id`);
  expect(attending.map((r) => Number(r.member_id))).toEqual(crowd.attend.map((p) => p.memberId).sort((a, b) => a - b));
  expect(await n(sql`SELECT count(*) AS n FROM meeting_invitees WHERE reply IS NOT NULL AND reply <> 'attending'`)).toBe(0);
  // The 50 who tapped "Vắng có lý do" are each asked once for a reason.
  expect(await n(sql`SELECT count(*) AS n FROM chat_prompts WHERE kind = 'meeting_reason'`)).toBe(mixSizes.excused);
  expect(await n(sql`SELECT count(*) AS n FROM chat_prompts`)).toBe(mixSizes.excused);
  // Deep links: each of the 100 accounts linked to its own member, once.
  const linked = await t.db.all<{ member_id: number; external_id: string }>(sql`
    SELECT member_id, external_id FROM channel_accounts WHERE external_id IN (SELECT value FROM json_each(${JSON.stringify(crowd.linking.map((p) => String(p.telegramId)))}))`);
  expect(linked.map((r) => [Number(r.member_id), Number(r.external_id)]).sort((a, b) => a[0]! - b[0]!)).toEqual(
    crowd.linking.map((p) => [p.memberId, p.telegramId]).sort((a, b) => a[0]! - b[0]!),
  );
  expect(await n(sql`SELECT count(*) AS n FROM channel_accounts`)).toBe(mixSizes.quiz + mixSizes.attend + mixSizes.excused + mixSizes.linking);
  expect(await n(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'account.link'`)).toBe(before.channel_accounts!.count + mixSizes.linking);
  // Every update claimed exactly once.
  const claimed = await t.db.all<{ update_id: number }>(sql`SELECT update_id FROM processed_updates WHERE channel = 'telegram' ORDER BY update_id`);
  expect(claimed.map((r) => Number(r.update_id))).toEqual(mix.updates.map((u) => u.update.update_id));
  // Nothing else was written anywhere.
  expect(changedTables(before, await snapshotTables(t.db))).toEqual(changedByTheMix);
  expect((await snapshotTables(t.db)).audit_log!.count - before.audit_log!.count).toBe(mixSizes.linking);

  // The bot spoke once per update: per chat and per method, and each tap answered once.
  const calls = t.api.calls;
  expect(entries(perChat(calls, 'sendMessage'))).toEqual(entries(mix.expected.sendMessage));
  expect(entries(perChat(calls, 'editMessageText'))).toEqual(entries(mix.expected.editMessageText));
  expect(entries(perChat(calls, 'editMessageReplyMarkup'))).toEqual(entries(mix.expected.editMessageReplyMarkup));
  expect(entries(perChat(calls, 'deleteMyCommands'))).toEqual(entries(mix.expected.deleteMyCommands));
  const answers = answersPerQuery(calls);
  expect([...answers.keys()].sort()).toEqual([...mix.expected.answerCallbackQuery].sort());
  expect([...answers.values()].every((count) => count === 1)).toBe(true);
  expect(new Set(calls.map((c) => c.method))).toEqual(new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'deleteMyCommands', 'answerCallbackQuery']));
}

// Delivered as Telegram does, including the callback answers that ride on the responses.
const post = (world: World, u: MixedUpdate) => postUpdate(world.url, u.update, { replyTo: world.t.api.apiRoot });

describe('the same 1,000 updates delivered twice over the real HTTP webhook', () => {
  it('in order, then all again concurrently: handled once, the redelivery changes nothing and says nothing', async () => {
    const world = await createWorld();
    expect(world.mix.updates).toHaveLength(1000);
    const before = await snapshotTables(world.t.db);

    const started = performance.now();
    const first: Awaited<ReturnType<typeof post>>[] = [];
    for (const u of world.mix.updates) first.push(await post(world, u));
    const inOrderMs = performance.now() - started;
    expect(first.filter((r) => r.status !== 200 || r.body?.duplicate === true)).toEqual([]);
    await expectHandledOnce(world, before);

    const handled = await snapshotTables(world.t.db);
    const callsBefore = world.t.api.calls.length;
    const again = await mapWithConcurrency(world.mix.updates, 50, (u) => post(world, u));
    expect(again.filter((r) => r.status !== 200 || r.body?.duplicate !== true)).toEqual([]);
    expect(changedTables(handled, await snapshotTables(world.t.db))).toEqual([]);
    expect(world.t.api.calls.length).toBe(callsBefore);
    console.info(`[reliability] 1,000 updates in order over HTTP: ${(inOrderMs / 1000).toFixed(1)} s`);
  });

  it('each update twice in a shuffled order, 50 in flight: the same result as one ordered delivery', async () => {
    const world = await createWorld();
    const before = await snapshotTables(world.t.db);
    const deliveries = seeded(1000).shuffle([...world.mix.updates, ...world.mix.updates]);

    const started = performance.now();
    const answers = await mapWithConcurrency(deliveries, 50, (u) => post(world, u));
    const concurrentMs = performance.now() - started;
    expect(answers.filter((r) => r.status !== 200)).toEqual([]);
    // Exactly one of the two deliveries of each update was handled, the other acknowledged.
    const handledIds = deliveries.filter((_, i) => answers[i]!.body?.duplicate !== true).map((u) => u.update.update_id);
    expect(handledIds.sort((a, b) => a - b)).toEqual(world.mix.updates.map((u) => u.update.update_id));
    await expectHandledOnce(world, before);
    console.info(`[reliability] 2,000 deliveries, 50 in flight: ${(concurrentMs / 1000).toFixed(1)} s`);
  });
});
