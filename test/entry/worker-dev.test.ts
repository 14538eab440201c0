import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type OpenedDatabase } from '../../src/db/open-node';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/services/context';
import { startRecordingBotApi } from '../helpers/recording-bot-api';
import { repoRoot } from '../helpers/run-node';
import { type RunningSqld, startSqld } from '../helpers/sqld';
import { smallRoster, smallTree } from '../helpers/tables';
import { textUpdate } from '../helpers/updates';
import { workerTriggers } from '../../src/jobs/worker-schedule';
import { startZaloEmulator, zaloTestToken, zaloTextUpdate } from '../helpers/zalo-api-emulator';

// The Worker as Cloudflare would run it (workerd under `wrangler dev`), on a real libSQL
// server over HTTP, its bot pointed at a recording Bot API on this machine.
const secret = 'worker-secret-0123456789';
let sqld: RunningSqld;
let remote: OpenedDatabase;
let api: Awaited<ReturnType<typeof startRecordingBotApi>>;
let zaloApi: Awaited<ReturnType<typeof startZaloEmulator>>;
const zaloSecret = 'worker-zalo-secret-0123456789';
let wrangler: ChildProcess;
let base: string;
let output = '';
const persistDir = mkdtempSync(join(tmpdir(), 'chibo-wrangler-'));

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

const postUpdate = (body: unknown, headers: Record<string, string>) =>
  fetch(`${base}/webhook/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const trigger = (cron: string) => fetch(`${base}/__scheduled?cron=${encodeURIComponent(cron)}`);

beforeAll(async () => {
  sqld = await startSqld();
  remote = await openDatabase(sqld.url);
  await migrateDatabase(remote.db); // as `npm run cli -- migrate` does before a deploy
  api = await startRecordingBotApi();
  zaloApi = await startZaloEmulator();
  const port = 40000 + Math.floor(Math.random() * 10000);
  base = `http://127.0.0.1:${port}`;
  const vars = {
    DATABASE_URL: sqld.url,
    TELEGRAM_BOT_TOKEN: '123456:WORKER-token',
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: secret,
    PUBLIC_URL: 'https://chibo.example.workers.dev',
    LOG_LEVEL: 'info',
    ZALO_BOT_TOKEN: zaloTestToken,
    ZALO_API_ROOT: zaloApi.apiRoot,
    ZALO_WEBHOOK_SECRET: zaloSecret,
  };
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--test-scheduled', '--persist-to', persistDir, '--show-interactive-dev-session=false'];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  wrangler = spawn('npx', args, { cwd: repoRoot, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  wrangler.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  wrangler.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await waitUntil('wrangler dev to serve', async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined), 90_000);
}, 150_000);

afterAll(async () => {
  if (wrangler?.pid && wrangler.exitCode === null) {
    const exited = new Promise((r) => wrangler.once('exit', r));
    process.kill(-wrangler.pid, 'SIGTERM'); // npx, wrangler and workerd together
    await exited;
  }
  remote?.client.close();
  await api?.close();
  await zaloApi?.close();
  await sqld?.stop();
  rmSync(persistDir, { recursive: true, force: true });
});

describe('the Worker under wrangler dev, on a libSQL server', { timeout: 60_000 }, () => {
  it('reports the database reachable and the bot in webhook mode', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', bot: 'webhook' });
  });

  it('refuses a webhook without or with a wrong secret, writing and sending nothing', async () => {
    const callsBefore = api.calls.length;
    const update = textUpdate(9001, '/start');
    expect((await postUpdate(update, {})).status).toBe(401);
    expect((await postUpdate(update, { 'X-Telegram-Bot-Api-Secret-Token': 'wrong-secret-0123456789' })).status).toBe(401);
    const [claims] = await remote.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM processed_updates WHERE update_id = ${update.update_id}`);
    expect(Number(claims?.n)).toBe(0);
    expect(api.calls.length).toBe(callsBefore);
  });

  it('answers a real update sent with the secret, through the Bot API', async () => {
    const update = textUpdate(9002, '/start');
    const response = await postUpdate(update, { 'X-Telegram-Bot-Api-Secret-Token': secret });
    expect(response.status).toBe(200);
    const reply = await waitUntil('a reply to /start', async () => api.calls.find((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 9002));
    expect(String(reply.body.text)).toContain('link mời');
    // Telegram redelivers: the same update is acknowledged and not answered twice.
    expect((await postUpdate(update, { 'X-Telegram-Bot-Api-Secret-Token': secret })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 9002)).toHaveLength(1);
  });

  it('takes Zalo updates only with Zalo’s secret and answers through the Zalo API', async () => {
    const postZalo = (headers: Record<string, string>) =>
      fetch(`${base}/webhook/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(zaloTextUpdate('zw-1', 'xin chào')) });
    expect((await postZalo({})).status).toBe(401);
    expect((await postZalo({ 'X-Bot-Api-Secret-Token': secret })).status).toBe(401); // Telegram's secret is not Zalo's
    expect(zaloApi.calls).toHaveLength(0);
    expect((await postZalo({ 'X-Bot-Api-Secret-Token': zaloSecret })).status).toBe(200);
    const answer = await waitUntil('a Zalo answer', async () => zaloApi.last('zw-1'));
    expect(answer).toContain('mã mời');
  });

  it('runs the due jobs on the jobs trigger and sends their messages on the outbox trigger', async () => {
    const services = createServices({ db: remote.db, clock: systemClock });
    await services.importUnits(smallTree);
    await services.importMembers(smallRoster);
    const { invites } = await services.createInvites({ unitCode: 'K', ttlHours: 24 });
    for (const [i, invite] of invites.entries()) {
      await services.acceptInvite({ channel: 'telegram', code: invite.code, externalId: String(7100 + i), chatId: String(7100 + i) });
    }
    const [organiser] = await remote.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M1'`);
    // Starts in 40 minutes: the one-hour reminder is due now.
    const startsAt = new Date(Date.now() + 40 * 60_000);
    const { meetingId } = await services.createMeeting({ organiserId: organiser!.id, kind: 'dinh_ky', startsAt, place: 'Hội trường', agenda: 'Sinh hoạt tháng' });

    expect((await trigger(workerTriggers.jobs)).status).toBe(200);
    const queued = await waitUntil('reminders in the outbox', async () => {
      const rows = await remote.db.all<{ chat_id: string; status: string }>(sql`
        SELECT chat_id, status FROM outbox_messages WHERE dedupe_key LIKE ${`meeting:${meetingId}:remind1:%`}`);
      return rows.length > 0 ? rows : undefined;
    });
    // Chi bộ CB1's two members (M1, M2), both linked; nobody outside the branch.
    const m12 = await remote.db.all<{ chat_id: string }>(sql`
      SELECT a.chat_id FROM channel_accounts a JOIN members m ON m.id = a.member_id WHERE m.code IN ('M1', 'M2')`);
    expect(queued.map((r) => r.chat_id).sort()).toEqual(m12.map((r) => r.chat_id).sort());
    expect(queued.every((r) => r.status === 'pending')).toBe(true);

    expect((await trigger(workerTriggers.outbox)).status).toBe(200);
    const chats = new Set(queued.map((r) => r.chat_id));
    const delivered = await waitUntil('reminders at the Bot API', async () => {
      const sent = api.calls.filter((c) => c.method === 'sendMessage' && chats.has(String(c.body.chat_id)));
      return sent.length === chats.size ? sent : undefined;
    });
    expect(delivered.every((c) => String(c.body.text).includes('Hội trường'))).toBe(true);
    const statuses = await remote.db.all<{ status: string }>(sql`
      SELECT status FROM outbox_messages WHERE dedupe_key LIKE ${`meeting:${meetingId}:remind1:%`}`);
    expect(statuses.map((r) => r.status)).toEqual(queued.map(() => 'sent'));

    // Firing the jobs trigger again in the same slot queues nothing twice.
    expect((await trigger(workerTriggers.jobs)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const [again] = await remote.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox_messages WHERE dedupe_key LIKE ${`meeting:${meetingId}:remind1:%`}`);
    expect(Number(again?.n)).toBe(queued.length);
  });

  it('serves the committee dashboard: a sign-in link, its session cookie and the overview page', async () => {
    const services = createServices({ db: remote.db, clock: systemClock });
    const { token } = await services.createSignInLink({ admin: true }, 'test');
    const origin = new URL(base).origin;
    const signIn = await fetch(`${base}/dashboard/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ token }).toString(),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^chibo_session=/);
    const page = await fetch(`${base}/dashboard`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Tổng quan');
    expect((await fetch(`${base}/dashboard`)).status).toBe(401);
  });
});
