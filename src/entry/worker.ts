import { createClient } from '@libsql/client/web';
import { createApp } from '../app';
import { createConfig } from '../config';
import { createDatabase } from '../db/client';
import { runScheduledTrigger } from '../jobs/worker-schedule';
import { createLogger } from '../logger';
import { systemClock } from '../services/context';

type Env = Record<string, string | undefined>;

/** The parts of Cloudflare's types this entry uses (no @cloudflare/workers-types needed). */
interface ScheduledController {
  cron: string;
  scheduledTime: number;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

// Built lazily on the first event of an isolate: env bindings only exist then.
let container: ReturnType<typeof createApp> | undefined;

function getContainer(env: Env) {
  if (!container) {
    const config = createConfig(env);
    const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
    container = createApp({ config, db: createDatabase(client), clock: systemClock, logger: createLogger(config.logLevel) });
    // Workers only run in webhook mode; migrations are applied beforehand with `npm run cli -- migrate`.
    container.setBotMode(container.bot && config.telegram.webhookSecret ? 'webhook' : 'off');
  }
  return container;
}

/** Cloudflare Workers entry: HTTP (webhooks, dashboard) and Cron Triggers (jobs, outbox slices). */
export default {
  fetch(request: Request, env: Env): Response | Promise<Response> {
    return getContainer(env).app.fetch(request, env);
  },

  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): void {
    const chibo = getContainer(env);
    const logger = chibo.jobDeps.logger;
    ctx.waitUntil(
      runScheduledTrigger(controller.cron, controller.scheduledTime, {
        db: chibo.jobDeps.ctx.db,
        clock: systemClock,
        logger,
        jobDeps: chibo.jobDeps,
        outboxChannels: chibo.outboxChannels,
        outboxSlice: chibo.config.workerOutboxSlice,
      }).catch((error: unknown) => logger.error('scheduled trigger failed', { cron: controller.cron, error: error instanceof Error ? error.name : 'error' })),
    );
  },
};
