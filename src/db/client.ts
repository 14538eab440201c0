import type { Client } from '@libsql/client';
// The web build only adds a fetch-based client factory we never call; it is edge-safe.
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema';

export type Database = ReturnType<typeof createDatabase>;

/**
 * Wraps a libSQL client in drizzle. Callers must not use interactive
 * `transaction()`: with a local file the driver swaps connections after one and
 * the new connection loses the pragmas below. Multi-row writes use `db.batch()`.
 */
export function createDatabase(client: Client) {
  return drizzle(client, { schema });
}

/** Per-connection settings for an embedded file database (no-ops are harmless remotely). */
export async function applyFilePragmas(client: Client): Promise<void> {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('PRAGMA foreign_keys = ON');
}
