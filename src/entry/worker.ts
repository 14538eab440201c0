import { createClient } from '@libsql/client/web';
import { createApp } from '../app';
import { createConfig } from '../config';
import { createDatabase } from '../db/client';
import { createLogger } from '../logger';
import { systemClock } from '../services/context';

type Env = Record<string, string | undefined>;

// Built lazily on the first request of an isolate: env bindings only exist then.
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

/** Cloudflare Workers entry: HTTP only for now (cron triggers arrive with the job registry). */
export default {
  fetch(request: Request, env: Env): Response | Promise<Response> {
    return getContainer(env).app.fetch(request, env);
  },
};
