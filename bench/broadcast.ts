// Broadcast to 3,412 recipients against an emulated Bot API that enforces the rate and
// answers 429 when it is exceeded. Phase 1: one uninterrupted run (ratio ideal/measured
// time, 429s, duplicates). Phase 2: kill -9 the sender half way, restart it, and count
// duplicates and losses. Run: npx tsx bench/broadcast.ts [rate=300]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { systemClock } from '../src/services/context';
import { enqueueBroadcast } from '../src/services/outbox/enqueue-broadcast';
import { machine } from './harness';
import { startEmulatedBotApi } from './emulated-bot-api';

const recipients = 3412;
const rate = Number(process.argv[2] ?? 300);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function prepare() {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-broadcast-'));
  const url = `file:${join(dir, 'b.db')}`;
  const opened = await openDatabase(url);
  await migrateDatabase(opened.db);
  const messages = Array.from({ length: recipients }, (_, i) => ({
    memberId: null,
    channel: 'telegram',
    chatId: String(100_000 + i),
    dedupeKey: `bench:${i}`,
    text: `Thông báo họp chi bộ tháng 12 gửi đồng chí số ${i}`,
  }));
  await enqueueBroadcast({ ctx: { db: opened.db, clock: systemClock, actor: 'bench' }, input: { kind: 'bench', title: 'Bench', messages } });
  return { ...opened, url, dir };
}

const children: ChildProcess[] = [];
const startSender = (url: string, apiRoot: string): ChildProcess => {
  const child = spawn(tsx, [join(root, 'bench', 'broadcast-sender.ts'), url, apiRoot, String(rate)], { stdio: 'inherit' });
  children.push(child);
  return child;
};
// Never leave a sender behind, whatever happens to this run.
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 600_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function openRows(db: Awaited<ReturnType<typeof prepare>>['db']) {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending')`);
  return Number(row?.n ?? 0);
}

// Phase 1: uninterrupted.
const api1 = await startEmulatedBotApi(rate);
const p1 = await prepare();
const started = performance.now();
const child1 = startSender(p1.url, api1.apiRoot);
await until(() => api1.delivered() >= recipients);
const seconds = (performance.now() - started) / 1000;
child1.kill('SIGKILL');
const dup1 = [...api1.received.values()].filter((n) => n > 1).length;
const ideal = recipients / rate;
// The first message cannot arrive before the first slot; the span covers the other n-1 intervals.
const sendingSeconds = api1.span() + 1 / rate;

// Phase 2: kill -9 half way, restart.
const api2 = await startEmulatedBotApi(rate);
const p2 = await prepare();
const child2 = startSender(p2.url, api2.apiRoot);
await until(() => api2.delivered() >= recipients / 2);
child2.kill('SIGKILL');
const atKill = api2.delivered();
const child3 = startSender(p2.url, api2.apiRoot);
await until(async () => (await openRows(p2.db)) === 0);
child3.kill('SIGKILL');
const dup2 = [...api2.received.values()].filter((n) => n > 1).length;
const lost = recipients - api2.received.size;
const uncertain = await p2.db.all<{ chat_id: string }>(sql`SELECT chat_id FROM outbox_messages WHERE status = 'uncertain'`);
const uncertainDelivered = uncertain.filter((u) => api2.received.has(u.chat_id)).length;

for (const p of [p1, p2]) {
  p.client.close();
  rmSync(p.dir, { recursive: true, force: true });
}
await api1.close();
await api2.close();

console.log(`broadcast — ${recipients} recipients at ${rate}/s, ${machine()}`);
console.log(`  uninterrupted: first to last delivery ${sendingSeconds.toFixed(2)} s (ideal ${ideal.toFixed(2)} s): ratio ideal/measured ${(ideal / sendingSeconds).toFixed(3)} (target ≥ 0.95)`);
console.log(`                 including the sender process start: ${seconds.toFixed(2)} s, ratio ${(ideal / seconds).toFixed(3)}`);
console.log(`                 429 answers: ${api1.tooMany()} (target 0), duplicates: ${dup1} (target 0)`);
console.log(`  kill -9 at ${atKill} delivered, then restart: duplicates ${dup2}, never delivered ${lost}, 429s ${api2.tooMany()}`);
console.log(`                 left "uncertain" by the kill: ${uncertain.length} (of which the API had received ${uncertainDelivered})`);
