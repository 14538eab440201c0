import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
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

/** Prepared statements kept per connection; enough for every query the app writes, bounded for ad-hoc ones. */
const statementCacheSize = 500;

interface CachedStatement {
  readonly reader: boolean;
  raw(on?: boolean): unknown;
  columns(): unknown[];
}
/** A `*` that is not `(*)`: `SELECT *`, `t.*` (and, harmlessly, multiplication). */
const bareStar = /\*(?!\s*\))/;
const noRows = new TypeError('The raw() method is only for statements that return data');
const returnsNoRows = (): never => {
  throw noRows;
};

/**
 * @libsql/client prepares every statement again on each call, which was ~10% of the webhook's
 * CPU. Its file driver (the `libsql` package, better-sqlite3's API) allows a prepared statement
 * to be run again, so each connection keeps its prepared statements by SQL text (least recently
 * used dropped first). Safe because the driver is synchronous: a statement is always run to its
 * end (all() or run()) before the next call, and SQLite re-prepares it by itself after a schema
 * change. Installed once, on the driver instance @libsql/client itself loads.
 */
function cachePreparedStatements() {
  const requireFromClient = createRequire(import.meta.resolve('@libsql/client'));
  const driver = requireFromClient('libsql') as { prototype: { prepare(sql: string): unknown; __chiboCached?: true } };
  const proto = driver.prototype;
  if (proto.__chiboCached) return;
  const prepare = proto.prepare;
  const caches = new WeakMap<object, Map<string, CachedStatement>>();
  proto.prepare = function prepareCached(this: object, sql: string) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare.call(this, sql) as CachedStatement;
      // @libsql/client asks raw() of every statement and learns from the throw that it returns
      // no rows; a write statement's answer never changes, so throw the same error without
      // building a new one (with its stack) on each run.
      if (!statement.reader) statement.raw = returnsNoRows;
      // It also asks a reading statement for its columns twice on every run, a native call each
      // time (~9% of the webhook's CPU). They only change when `*` expands to a table's columns
      // after a schema change, so statements with a bare `*` (count(*) is not one) ask each time.
      else if (!bareStar.test(sql)) {
        const columns = statement.columns();
        statement.columns = () => columns;
      }
      if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  proto.__chiboCached = true;
}

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
  if (isFile) cachePreparedStatements();
  const client = createClient({ url, authToken });
  if (isFile) await applyFilePragmas(client);
  return { client, db: createDatabase(client) };
}

/** Applies pending migrations from migrations/ (idempotent). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: findMigrationsFolder() });
}
