import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/open-node';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/services/context';
import { startRecordingBotApi } from '../helpers/recording-bot-api';
import { startTsx } from '../helpers/run-node';
import { type RunningSqld, startSqld } from '../helpers/sqld';
import { smallRoster, smallTree } from '../helpers/tables';
import { textUpdate } from '../helpers/updates';

// Two Node instances on one libSQL server, as the README's "Scaling out" describes: one
// talks to the server directly, the other keeps an embedded replica that syncs every second.
const secret = 'scale-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'chibo-scale-'));
let sqld: RunningSqld;
let primary: OpenedDatabase;
let api: Awaited<ReturnType<typeof startRecordingBotApi>>;
const instances: { url: string; server: ReturnType<typeof startTsx> }[] = [];

async function startInstance(env: Record<string, string>) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = startTsx('src/entry/node.ts', {
    PORT: String(port),
    SEED_DEMO: 'false',
    TELEGRAM_BOT_TOKEN: '123456:SCALE-token',
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: secret,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  });
  instances.push({ url: `http://127.0.0.1:${port}`, server });
  await server.waitFor(/Chibo is serving/, 60_000);
  return `http://127.0.0.1:${port}`;
}

const post = (base: string, body: unknown) =>
  fetch(`${base}/webhook/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret },
    body: JSON.stringify(body),
  });

let direct: string;
let replica: string;

beforeAll(async () => {
  sqld = await startSqld();
  api = await startRecordingBotApi();
  // The first instance migrates the server; the second finds it migrated.
  direct = await startInstance({ DATABASE_URL: sqld.url });
  replica = await startInstance({ DATABASE_URL: `file:${join(dir, 'replica.db')}`, DATABASE_SYNC_URL: sqld.url, DATABASE_SYNC_INTERVAL_SECONDS: '1' });
  primary = await openDatabase(sqld.url);
}, 150_000);

afterAll(async () => {
  for (const { server } of instances) await server.stop();
  primary?.client.close();
  await api?.close();
  await sqld?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two Node instances on one libSQL server', { timeout: 60_000 }, () => {
  it('both report the database reachable and the bot in webhook mode', async () => {
    for (const base of [direct, replica]) {
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', database: 'ok', bot: 'webhook' });
    }
  });

  it('answer an update delivered to both exactly once, and the replica sees members linked through the server', async () => {
    const services = createServices({ db: primary.db, clock: systemClock });
    await services.importUnits(smallTree);
    await services.importMembers(smallRoster);
    const { invites } = await services.createInvites({ memberCode: 'M2', ttlHours: 24 });
    await services.acceptInvite({ channel: 'telegram', code: invites[0]!.code, externalId: '6200', chatId: '6200' });
    await new Promise((r) => setTimeout(r, 2500)); // two sync intervals

    const update = textUpdate(6200, '/toi');
    const answers = await Promise.all([post(direct, update), post(replica, update), post(replica, update)]);
    // One instance handles it; a delivery that meets it in progress elsewhere gets 503 (Telegram
    // delivers again), one that comes after gets 200 as a duplicate.
    expect(answers.map((a) => a.status).every((s) => s === 200 || s === 503)).toBe(true);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    const redelivered = await post(replica, update);
    expect([redelivered.status, await redelivered.json()]).toEqual([200, { ok: true, duplicate: true }]);
    const replies = api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 6200);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.body.text)).toContain('Trần Thị Bình');
    const [claims] = await primary.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM processed_updates WHERE channel = 'telegram' AND update_id = ${update.update_id}`);
    expect(Number(claims?.n)).toBe(1);

    // The replica alone, reading its local copy, knows the member linked on the server.
    expect((await post(replica, textUpdate(6200, '/toi'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const more = api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 6200);
    expect(more).toHaveLength(2);
    expect(String(more[1]!.body.text)).toContain('Trần Thị Bình');
  });
});
