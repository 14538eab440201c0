import type { Logger } from '../logger';
import type { ServiceContext } from '../services/context';
import type { MeetingRules } from '../services/meetings/meeting-rules';
import {
  checkMeetingCompliance,
  type MeetingMessages,
  queueFeedbackRequests,
  queueMeetingReminders,
  queueReplyNudges,
} from '../services/meetings/scheduled-messages';
import { scheduleRecurringMeetings } from '../services/meetings/recurring-meetings';
import { applyRetention, type RetentionSettings } from '../services/retention';
import { pruneDashboardAccess } from '../services/dashboard/prune-dashboard-access';
import { pruneProcessedUpdates } from '../services/updates/claim-update';
import { oncePerSlot } from './once-per-slot';

export interface JobDeps {
  ctx: ServiceContext;
  retention?: RetentionSettings;
  messages: MeetingMessages;
  rules: MeetingRules;
  logger: Logger;
}

export interface Job {
  name: string;
  /** Cron expression in UTC (Node's node-cron and Workers' Cron Triggers read the same list). */
  cron: string;
  run(deps: JobDeps): Promise<unknown>;
}

/**
 * The one list of schedules. Every job is idempotent (outbox dedupe keys, unique
 * findings) and looks at what is due now rather than at its own start time, so
 * running twice sends nothing twice and a run after downtime catches up.
 */
export const jobs: Job[] = [
  // 07:00 in Vietnam: create and announce recurring monthly meetings ten days ahead.
  { name: 'recurring-meetings', cron: '0 0 * * *', run: (d) => scheduleRecurringMeetings({ ctx: d.ctx, input: d }) },
  { name: 'meeting-reminders', cron: '*/5 * * * *', run: (d) => queueMeetingReminders({ ctx: d.ctx, input: d }) },
  { name: 'reply-nudges', cron: '*/15 * * * *', run: (d) => queueReplyNudges({ ctx: d.ctx, input: d }) },
  { name: 'feedback-requests', cron: '*/15 * * * *', run: (d) => queueFeedbackRequests({ ctx: d.ctx, input: d }) },
  // 08:00 in Vietnam.
  { name: 'meeting-compliance', cron: '0 1 * * *', run: (d) => checkMeetingCompliance({ ctx: d.ctx, input: d }) },
  { name: 'prune-processed-updates', cron: '30 20 * * *', run: (d) => pruneProcessedUpdates({ ctx: d.ctx, input: { days: 7 } }) },
  { name: 'prune-dashboard-access', cron: '50 20 * * *', run: (d) => pruneDashboardAccess({ ctx: d.ctx, input: undefined }) },
  { name: 'retention', cron: '45 20 * * *', run: (d) => applyRetention({ ctx: d.ctx, input: d.retention ?? {} }) },
];

/**
 * Runs one job once for the current schedule slot (see oncePerSlot), logging its outcome;
 * a failing job never takes the process down.
 */
export async function runJob(job: Job, deps: JobDeps): Promise<void> {
  const started = Date.now();
  try {
    const { ran, result } = await oncePerSlot(job.name, deps.ctx, () => job.run(deps));
    if (!ran) {
      deps.logger.info(`job ${job.name} skipped: already run for this slot`);
      return;
    }
    deps.logger.info(`job ${job.name} done`, { ms: Date.now() - started, result: typeof result === 'object' ? result : { count: result } });
  } catch (error) {
    deps.logger.error(`job ${job.name} failed`, { error: error instanceof Error ? error.name : 'error' });
  }
}

/** Runs every job once, e.g. at start to catch up on what was due while the process was down. */
export async function runAllJobs(deps: JobDeps): Promise<void> {
  for (const job of jobs) await runJob(job, deps);
}
