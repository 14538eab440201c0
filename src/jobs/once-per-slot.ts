import type { ServiceContext } from '../services/context';
import { claimUpdate, releaseUpdate } from '../services/updates/claim-update';

/** Cron fires on the minute: one minute is one schedule slot. */
const slotMs = 60_000;

/** The run of each job in progress in this process, so a second one queues behind it. */
const running = new Map<string, Promise<unknown>>();

/**
 * Runs `work` at most once per job and schedule slot. Most jobs are safe to repeat, but not
 * to run twice at the same moment (recurring meetings read "no meeting yet" twice and create
 * two). In one process, runs of a job queue behind each other (the catch-up at start can meet
 * a cron tick); across instances, each running node-cron on the same database, the slot is
 * claimed like a Telegram update id, so the first instance runs it and the others skip.
 */
export async function oncePerSlot(name: string, ctx: ServiceContext, work: () => Promise<unknown>): Promise<{ ran: boolean; result?: unknown }> {
  const slot = { channel: `cron:${name}`, updateId: Math.floor(ctx.clock.now().getTime() / slotMs) };
  const previous = running.get(name) ?? Promise.resolve();
  const current = previous
    .catch(() => undefined)
    .then(async () => {
      if (!(await claimUpdate({ ctx, input: slot }))) return { ran: false };
      try {
        return { ran: true, result: await work() };
      } catch (error) {
        // A failed run gives the slot back, so another instance or a restart may try again.
        await releaseUpdate({ ctx, input: slot }).catch(() => undefined);
        throw error;
      }
    });
  running.set(name, current);
  try {
    return await current;
  } finally {
    if (running.get(name) === current) running.delete(name);
  }
}
