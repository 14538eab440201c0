import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs, runAllJobs, runJob } from '../../src/jobs/registry';
import { silentLogger } from '../../src/logger';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { createFakeChannel } from '../helpers/fake-channel';
import { MINUTE } from '../helpers/fake-clock';
import { startRecordingBotApi } from '../helpers/recording-bot-api';
import { repoRoot } from '../helpers/run-node';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type ChiboServer, startChiboServer } from './helpers/chibo-server';
import { jobDeps, jobOutput, seedJobWorld } from './helpers/job-world';
import { sleep, until } from './helpers/pool';
import { perChat } from './helpers/recorded-calls';

// Cron may fire a job twice for one schedule slot — two ticks, the catch-up run at start
// meeting a tick, or several instances each running node-cron on one database — and a
// process may be down when a job is due. Each due message must go out exactly once.

const at = new Date('2026-12-21T01:00:00Z'); // 08:00 on the 21st in Vietnam: compliance is due too
const dbs: TestDb[] = [];
const servers: ChiboServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.kill9();
  for (const t of dbs.splice(0)) t.close();
});

async function world() {
  const t = await createTestDb();
  dbs.push(t);
  await seedJobWorld(t.db, t.clock, (d) => t.clock.set(d), at);
  return t;
}

/** Drains the outbox through a recording channel: what the members would receive. */
async function deliver(t: TestDb) {
  const channel = createFakeChannel();
  const sender = createOutboxSender({ ctx: { db: t.db, clock: t.clock, actor: 'outbox' }, sender: channel.channel, limits: { ...telegramLimits, globalPerSecond: 1000, perChatIntervalMs: 0 }, logger: silentLogger });
  for (let round = 0; round < 20 && (await sender.drain()).claimed > 0; round++);
  return channel.sent.map((m) => `${m.chatId} ${m.text}`).sort();
}

/** A reference world where every job ran once, in registry order. */
async function ranOnce() {
  const t = await world();
  await runAllJobs(jobDeps(t.db, t.clock));
  return { output: await jobOutput(t.db), delivered: await deliver(t) };
}

const noRepeats = (lines: string[]) => lines.filter((line, i) => lines.indexOf(line) !== i);

describe('a cron job fired twice for one slot', () => {
  it('run twice at once and then once more, each job sends what one run sends', async () => {
    const reference = await ranOnce();
    // Every kind of job had something to send, so the comparison means something.
    const kinds = new Set(reference.output.outbox.map((r) => r.dedupe_key.split(':')[0] === 'meeting' ? r.dedupe_key.split(':')[2] : r.dedupe_key.split(':')[0]));
    expect([...kinds].sort()).toEqual(['compliance', 'feedback', 'noreplies', 'notice', 'nudge6', 'remind1']);
    expect(reference.output.meetings).toHaveLength(3);

    const t = await world();
    const deps = jobDeps(t.db, t.clock);
    for (const job of jobs) {
      await Promise.all([runJob(job, deps), runJob(job, deps)]);
      await runJob(job, deps);
    }
    expect(await jobOutput(t.db)).toEqual(reference.output);
    const delivered = await deliver(t);
    expect(delivered).toEqual(reference.delivered);
    expect(noRepeats(delivered)).toEqual([]);
  });

  it('fired at once by three instances on one database, each job sends what one run sends', async () => {
    const reference = await ranOnce();
    const t = await world();
    const script = fileURLToPath(new URL('./fixtures/run-jobs-at.ts', import.meta.url));
    const instances = Array.from({ length: 3 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, t.url, at.toISOString()], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      return { child, out: () => out, exited: new Promise<number | null>((r) => child.once('exit', r)) };
    });
    await until('every instance to be ready', () => instances.every((i) => i.out().includes('ready')), 60_000);
    // Each job's tick reaches the three instances at the same moment, in the registry's order.
    for (const job of jobs) {
      for (const i of instances) i.child.stdin.write(`${job.name}\n`);
      await until(`${job.name} to run in every instance`, () => instances.every((i) => i.out().includes(`done ${job.name}\n`)), 60_000, 10);
    }
    for (const i of instances) i.child.stdin.end();
    expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0, 0]);

    expect(await jobOutput(t.db)).toEqual(reference.output);
    const delivered = await deliver(t);
    expect(delivered).toEqual(reference.delivered);
    expect(noRepeats(delivered)).toEqual([]);
  });

  it('in the following slots sends nothing again (the jobs themselves are idempotent)', async () => {
    const t = await world();
    const deps = jobDeps(t.db, t.clock);
    await runAllJobs(deps);
    const first = await jobOutput(t.db);
    for (const later of [1, 5, 15]) {
      t.clock.set(new Date(at.getTime() + later * MINUTE));
      await runAllJobs(deps);
    }
    expect(await jobOutput(t.db)).toEqual(first);
  });
});

describe('a process down when a job was due', () => {
  it('sends it once from the catch-up run at start, and not again at the next start', async () => {
    const t = await createTestDb();
    dbs.push(t);
    // The same world around the real time: the server runs on the system clock.
    await seedJobWorld(t.db, t.clock, (d) => t.clock.set(d), new Date());
    const api = await startRecordingBotApi();
    try {
      const statuses = async () => (await t.db.all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM outbox_messages GROUP BY status`)).map((r) => `${r.status}:${r.n}`);
      let server = await startChiboServer({ databaseUrl: t.url, apiRoot: api.apiRoot });
      servers.push(server);
      await server.waitForLog(/job retention (done|skipped|failed)/);
      await until('the catch-up messages to go out', async () => {
        const s = await statuses();
        return s.length === 1 && s[0]!.startsWith('sent:');
      });
      const output = await jobOutput(t.db);
      const kinds = new Set(output.outbox.map((r) => r.dedupe_key.split(':')[2]));
      expect([...kinds].filter((k) => ['notice', 'remind1', 'nudge6', 'noreplies', 'feedback'].includes(k!)).sort()).toEqual(['feedback', 'noreplies', 'notice', 'nudge6', 'remind1']);
      // Each queued message reached its chat exactly once, and nothing else was sent to members.
      const expected = output.outbox.map((r) => `${r.chat_id} ${r.text}`).sort();
      const sentToMembers = () =>
        api.calls.filter((c) => c.method === 'sendMessage').map((c) => `${c.body.chat_id} ${c.body.text}`).sort();
      expect(sentToMembers()).toEqual(expected);
      expect(noRepeats(sentToMembers())).toEqual([]);
      expect(output.meetings.filter((m) => m.kind === 'dinh_ky')).toHaveLength(1);

      // Down again, and up again: the new catch-up run finds everything already done. (A restart
      // within the same minute would skip on the slot claims; forget them so the jobs do run.)
      await server.kill9();
      await t.db.run(sql`DELETE FROM processed_updates WHERE channel LIKE 'cron:%'`);
      const callsBefore = perChat(api.calls, 'sendMessage');
      server = await startChiboServer({ databaseUrl: t.url, apiRoot: api.apiRoot });
      servers.push(server);
      await server.waitForLog(/job retention (done|skipped|failed)/);
      expect(server.output().stderr).toMatch(/job recurring-meetings done/);
      await sleep(1500); // the sender looks at the outbox every 500 ms
      expect(await jobOutput(t.db)).toEqual(output);
      expect(perChat(api.calls, 'sendMessage')).toEqual(callsBefore);
    } finally {
      await api.close();
    }
  });
});
