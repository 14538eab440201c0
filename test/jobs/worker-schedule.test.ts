import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramMeetingMessages } from '../../bot/telegram/meeting-messages';
import { CronSyntaxError, parseCron } from '../../src/jobs/cron-match';
import { jobs } from '../../src/jobs/registry';
import { jobsDueAt, runScheduledTrigger, type ScheduledDeps, workerTriggers } from '../../src/jobs/worker-schedule';
import { createLogger } from '../../src/logger';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { enqueueBroadcast } from '../../src/services/outbox/enqueue-broadcast';
import { defaultMeetingRules } from '../../src/services/meetings/meeting-rules';
import { createFakeChannel } from '../helpers/fake-channel';
import { repoRoot } from '../helpers/run-node';
import { createTestDb, type TestDb } from '../helpers/test-db';

const at = (iso: string) => new Date(iso);

describe('cron expressions as the Worker reads them', () => {
  it('matches minutes, steps, ranges, lists and weekdays in UTC', () => {
    expect(parseCron('*/15 * * * *').matches(at('2026-11-22T07:45:00Z'))).toBe(true);
    expect(parseCron('*/15 * * * *').matches(at('2026-11-22T07:50:00Z'))).toBe(false);
    expect(parseCron('30 20 * * *').matches(at('2026-11-22T20:30:00Z'))).toBe(true);
    expect(parseCron('30 20 * * *').matches(at('2026-11-22T13:30:00Z'))).toBe(false);
    expect(parseCron('0 8-10,14 * * *').matches(at('2026-11-22T09:00:00Z'))).toBe(true);
    expect(parseCron('0 8-10,14 * * *').matches(at('2026-11-22T12:00:00Z'))).toBe(false);
    // 2026-11-22 is a Sunday: 0 and 7 both mean Sunday.
    expect(parseCron('0 0 * * 7').matches(at('2026-11-22T00:00:00Z'))).toBe(true);
    expect(parseCron('0 0 * * 1-5').matches(at('2026-11-22T00:00:00Z'))).toBe(false);
    // Day of month and weekday both restricted: either one is enough, as in classic cron.
    expect(parseCron('0 0 1 * 0').matches(at('2026-11-22T00:00:00Z'))).toBe(true);
  });

  it('refuses expressions it cannot read, naming the problem', () => {
    expect(() => parseCron('* * * *')).toThrow(CronSyntaxError);
    expect(() => parseCron('61 * * * *')).toThrow(/61 is outside 0-59/);
    expect(() => parseCron('a * * * *')).toThrow(/not a number/);
    expect(() => parseCron('10-5 * * * *')).toThrow(/backwards/);
  });
});

describe('the Worker’s Cron Triggers', () => {
  it('are exactly the ones wrangler.toml declares', () => {
    const toml = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8');
    const crons = JSON.parse(/^crons\s*=\s*(\[.*\])\s*$/m.exec(toml)?.[1] ?? '[]') as string[];
    expect(crons.sort()).toEqual(Object.values(workerTriggers).sort());
  });

  it('reach every job of the registry: each job runs on the five-minute ticks, and only there', () => {
    const day = Date.UTC(2026, 10, 2); // a Monday
    for (const job of jobs) {
      const schedule = parseCron(job.cron);
      const minutes: number[] = [];
      for (let m = 0; m < 7 * 24 * 60; m++) if (schedule.matches(new Date(day + m * 60_000))) minutes.push(m);
      expect(minutes.length, job.name).toBeGreaterThan(0);
      expect(minutes.filter((m) => m % 5 !== 0), job.name).toEqual([]);
    }
    expect(jobsDueAt(at('2026-11-22T20:30:00Z')).map((j) => j.name)).toEqual(['meeting-reminders', 'reply-nudges', 'feedback-requests', 'prune-processed-updates']);
  });
});

describe('one Cron Trigger on the Worker', () => {
  let t: TestDb;
  let logged: string[];
  let deps: (channel: ReturnType<typeof createFakeChannel>, slice: number) => ScheduledDeps;

  beforeEach(async () => {
    t = await createTestDb();
    t.clock.set('2026-11-22T20:31:10Z');
    logged = [];
    const logger = createLogger('info', (line) => logged.push(line));
    deps = (channel, slice) => ({
      db: t.db,
      clock: t.clock,
      logger,
      jobDeps: { ctx: { db: t.db, clock: t.clock, actor: 'job' }, messages: telegramMeetingMessages, rules: defaultMeetingRules, logger },
      outboxChannels: [{ sender: channel.channel, limits: telegramLimits }],
      outboxSlice: slice,
    });
  });
  afterEach(() => t.close());

  it('sends one slice of the outbox per trigger and leaves the rest for the next', async () => {
    const ctx = { db: t.db, clock: t.clock, actor: 'test' };
    const messages = Array.from({ length: 30 }, (_, i) => ({ memberId: null, channel: 'telegram', chatId: String(5000 + i), dedupeKey: `w:${i}`, text: `Thông báo ${i}` }));
    await enqueueBroadcast({ ctx, input: { kind: 'notice', title: 'Thông báo', messages } });
    const channel = createFakeChannel();

    await runScheduledTrigger(workerTriggers.outbox, t.clock.now().getTime(), deps(channel, 12));
    expect(channel.sent).toHaveLength(12);
    await runScheduledTrigger(workerTriggers.outbox, t.clock.now().getTime(), deps(channel, 12));
    await runScheduledTrigger(workerTriggers.outbox, t.clock.now().getTime(), deps(channel, 12));
    expect(channel.sent.map((m) => m.text).sort()).toEqual(messages.map((m) => m.text).sort());
    const [pending] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox_messages WHERE status <> 'sent'`);
    expect(Number(pending?.n)).toBe(0);
  });

  it('runs the jobs of its tick once, even when fired late or twice', async () => {
    const channel = createFakeChannel();
    // 20:31:10 belongs to the 20:30 tick: the daily prune of processed updates is due.
    await runScheduledTrigger(workerTriggers.jobs, t.clock.now().getTime(), deps(channel, 12));
    await runScheduledTrigger(workerTriggers.jobs, t.clock.now().getTime(), deps(channel, 12));
    const ran = logged.filter((l) => l.includes('job prune-processed-updates done'));
    const skipped = logged.filter((l) => l.includes('job prune-processed-updates skipped'));
    expect([ran.length, skipped.length]).toEqual([1, 1]);
    expect(logged.some((l) => l.includes('job retention'))).toBe(false); // 20:45, not this tick
    expect(channel.sent).toHaveLength(0);
  });

  it('ignores a trigger it does not know, saying so', async () => {
    await runScheduledTrigger('0 3 * * *', t.clock.now().getTime(), deps(createFakeChannel(), 12));
    expect(logged.some((l) => l.includes('no work for this cron trigger'))).toBe(true);
  });
});
