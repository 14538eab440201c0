import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/client';

export interface TableState {
  count: number;
  /** Digest of every row, so an UPDATE that keeps the count still shows. */
  digest: string;
}

/** Every user table (FTS shadow tables and drizzle's journal included: nothing may hide a write). */
export async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  return rows.map((r) => r.name);
}

/** Row count and content digest of every table. */
export async function snapshotTables(db: Database): Promise<Record<string, TableState>> {
  const out: Record<string, TableState> = {};
  for (const name of await tableNames(db)) {
    const rows = await db.all<Record<string, unknown>>(sql.raw(`SELECT * FROM "${name}" ORDER BY rowid`)).catch(() =>
      // Virtual tables without a rowid order (FTS5 itself) are read as they come.
      db.all<Record<string, unknown>>(sql.raw(`SELECT * FROM "${name}"`)),
    );
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    out[name] = { count: rows.length, digest: hash.digest('hex') };
  }
  return out;
}

/** Tables whose count or content differs between two snapshots. */
export function changedTables(before: Record<string, TableState>, after: Record<string, TableState>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.digest !== after[n]?.digest || before[n]?.count !== after[n]?.count).sort();
}

export async function integrityCheck(db: Database): Promise<string> {
  const rows = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  return rows.map((r) => r.integrity_check).join('\n');
}

export async function countWhere(db: Database, query: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql.raw(query));
  return Number(row?.n ?? 0);
}
