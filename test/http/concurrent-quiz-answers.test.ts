import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { csv } from '../helpers/tables';
import { createTestApp, webhookSecret } from '../helpers/test-app';
import { callbackUpdate } from '../helpers/updates';

// 200 members answer at the same moment through the real HTTP webhook; every answer
// lands once, and redelivered updates (Telegram retries) count nowhere twice.
const members = 200;
let t: Awaited<ReturnType<typeof createTestApp>>;
let server: ReturnType<typeof serve>;
let url: string;
const attempts: { telegramId: number; attemptId: number }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // Names may not contain digits: spell the index in letters.
  const spell = (i: number) => `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${'abcdefghij'[Math.floor(i / 26) % 10]}`;
  const rows = Array.from({ length: members }, (_, i) => `C${i},Đảng viên ${spell(i)},CB1,đảng viên,chính thức`).join('\n');
  await t.services.importMembers(csv(`code,full_name,unit_code,role,status\n${rows}\n`));
  await t.services.importQuizSet({ set: smallQuizSet() });
  const [set] = await t.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets`);
  const { invites } = await t.services.createInvites({ unitCode: 'CB1', ttlHours: 1 });
  for (const [i, invite] of invites.filter((v) => v.memberCode.startsWith('C')).entries()) {
    const telegramId = 50_000 + i;
    const linked = await t.services.acceptInvite({ channel: 'telegram', code: invite.code, externalId: String(telegramId), chatId: String(telegramId) });
    const { attemptId } = await t.services.startAttempt({ memberId: linked.memberId, setId: set!.id });
    attempts.push({ telegramId, attemptId });
  }
  server = serve({ fetch: t.chibo.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/telegram`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

const post = (body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret },
    body: JSON.stringify(body),
  });

describe('200 members answering at once over HTTP', () => {
  it('records every answer exactly once, also when updates are delivered twice', async () => {
    const updates = attempts.map((a, i) => callbackUpdate(a.telegramId, `qz:a:${a.attemptId}:0:${i % 3}`, 900_000 + i));
    // Every update once, and the first 100 a second time, all in flight together.
    const responses = await Promise.all([...updates, ...updates.slice(0, 100)].map((u) => post(u)));
    expect(responses.map((r) => r.status).every((s) => s === 200)).toBe(true);

    const [answers] = await t.db.all<{ n: number; attempts: number }>(sql`
      SELECT count(*) AS n, count(DISTINCT attempt_id) AS attempts FROM quiz_answers`);
    expect(Number(answers!.n)).toBe(members);
    expect(Number(answers!.attempts)).toBe(members);
    const [claims] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM processed_updates WHERE update_id >= 900000`);
    expect(Number(claims!.n)).toBe(members);
    // Each member saw one feedback screen for their answer.
    const edits = t.api.calls.filter((c) => c.method === 'editMessageText');
    expect(edits).toHaveLength(members);

    // A different tap on the same question (a second device) changes nothing either.
    await Promise.all(attempts.slice(0, 50).map((a, i) => post(callbackUpdate(a.telegramId, `qz:a:${a.attemptId}:0:${(i + 1) % 3}`))));
    const [after] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM quiz_answers`);
    expect(Number(after!.n)).toBe(members);
  });
});
