import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { applyFilePragmas, createDatabase, type Database } from './client';

/**
 * The repo's migrations/ folder: the nearest one above this module. The module runs from
 * src/db/ (tsx, tests, the CLI) or bundled into dist/node.js (`npm start`), so a fixed
 * relative path would be right for only one of them.
 */
function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no migrations/meta/_journal.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export interface OpenedDatabase {
  client: Client;
  db: Database;
}

/** Node only: opens a libSQL file or remote URL, creating the file's folder if needed. */
export async function openDatabase(url: string, authToken?: string): Promise<OpenedDatabase> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, authToken });
  if (isFile) await applyFilePragmas(client);
  return { client, db: createDatabase(client) };
}

/** Applies pending migrations from migrations/ (idempotent). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: findMigrationsFolder() });
}
