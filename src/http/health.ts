import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Database } from '../db/client';

export type BotMode = 'off' | 'polling' | 'webhook';

/** GET / → database and bot status; 503 when the database does not answer. */
export function health(deps: { db: Database; botMode: () => BotMode }) {
  const app = new Hono();
  app.get('/', async (c) => {
    let database: 'ok' | 'error' = 'ok';
    try {
      await deps.db.run(sql`SELECT 1`);
    } catch {
      database = 'error';
    }
    const body = { status: database === 'ok' ? 'ok' : 'degraded', database, bot: deps.botMode() };
    return c.json(body, database === 'ok' ? 200 : 503);
  });
  return app;
}
