import type { Logger } from '../logger';
import type { Clock } from '../services/context';
import type { Database } from '../db/client';
import type { OutboxChannel } from '../services/outbox/channel-sender';
import { createOutboxSender } from '../services/outbox/outbox-sender';
import { parseCron } from './cron-match';
import { type JobDeps, jobs, runJob } from './registry';

/**
 * The Worker's two Cron Triggers (wrangler.toml lists exactly these). Each trigger is its
 * own invocation with its own subrequest budget, so the jobs and the outbox never eat
 * into each other's. Every job's minutes fall on the five-minute tick (a test checks).
 */
export const workerTriggers = {
  jobs: '*/5 * * * *',
  outbox: '* * * * *',
} as const;

/** The jobs trigger's period: a tick stands for the five minutes that start at it. */
const jobsTickMs = 5 * 60_000;

/** A Cron Trigger fires at most a few seconds late; this much wall time is left to a slice. */
const outboxSliceMs = 25_000;

/** The jobs whose schedule includes this minute (UTC). */
export function jobsDueAt(at: Date) {
  return jobs.filter((job) => parseCron(job.cron).matches(at));
}

export interface ScheduledDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  jobDeps: JobDeps;
  outboxChannels: OutboxChannel[];
  /** Messages one outbox trigger may send per channel: each costs about three subrequests. */
  outboxSlice: number;
}

/** Runs what one Cron Trigger stands for; an unknown expression is logged and ignored. */
export async function runScheduledTrigger(cron: string, scheduledTime: number, deps: ScheduledDeps): Promise<void> {
  if (cron === workerTriggers.jobs) {
    // Rounded down to the tick, so a trigger fired by hand (wrangler's /__scheduled) runs what its tick would.
    const tick = new Date(Math.floor(scheduledTime / jobsTickMs) * jobsTickMs);
    for (const job of jobsDueAt(tick)) await runJob(job, deps.jobDeps);
    return;
  }
  if (cron === workerTriggers.outbox) {
    for (const { sender, limits, progressSenders } of deps.outboxChannels) {
      const outbox = createOutboxSender({ ctx: { db: deps.db, clock: deps.clock, actor: 'outbox' }, sender, limits, logger: deps.logger, progressSenders });
      await outbox.recoverInterrupted();
      const { claimed } = await outbox.drain({ maxMessages: deps.outboxSlice, deadline: performance.now() + outboxSliceMs });
      if (claimed > 0) deps.logger.info('outbox slice sent', { channel: sender.channel, claimed });
    }
    return;
  }
  deps.logger.warn('scheduled: no work for this cron trigger', { cron });
}
