import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { applyFilePragmas, createDatabase, type Database } from './client';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface OpenedDatabase {
  client: Client;
  db: Database;
}

/**
 * Node only: opens a libSQL file or remote URL, creating the file's folder if needed. With
 * `replica`, the file is an embedded replica of that server: reads are local, writes go to
 * the server (and are visible to this process at once), and other instances' writes arrive
 * with each sync.
 */
export async function openDatabase(
  url: string,
  authToken?: string,
  replica?: { syncUrl: string; syncIntervalSeconds: number },
): Promise<OpenedDatabase> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  if (replica) {
    const client = createClient({ url, authToken, syncUrl: replica.syncUrl, syncInterval: replica.syncIntervalSeconds });
    await client.sync();
    return { client, db: createDatabase(client) };
  }
  const client = createClient({ url, authToken });
  if (isFile) await applyFilePragmas(client);
  return { client, db: createDatabase(client) };
}

/** Applies pending migrations from migrations/ (idempotent). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
