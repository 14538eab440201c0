import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(readonly code: 'remote' | 'exists' | 'not_found' | 'corrupt') {
    super(code);
  }
}

const filePath = (url: string) => {
  if (!url.startsWith('file:')) throw new BackupError('remote');
  return resolve(url.slice('file:'.length));
};

/** A consistent copy of the live database (VACUUM INTO works while the server runs). */
export async function backupDatabase(db: Database, databaseUrl: string, target: string): Promise<string> {
  filePath(databaseUrl);
  const out = resolve(target);
  if (existsSync(out)) throw new BackupError('exists');
  await db.run(sql`VACUUM INTO ${out}`);
  return out;
}

/**
 * Replaces the database file with a backup after checking the backup's integrity.
 * Stop the server first: an open process would keep writing to the old file.
 */
export async function restoreDatabase(databaseUrl: string, source: string): Promise<void> {
  const target = filePath(databaseUrl);
  const from = resolve(source);
  if (!existsSync(from)) throw new BackupError('not_found');
  const check = createClient({ url: `file:${from}` });
  try {
    const result = await check.execute('PRAGMA integrity_check');
    const migrations = await check.execute("SELECT count(*) AS n FROM sqlite_master WHERE name = '__drizzle_migrations'");
    if (result.rows[0]?.[0] !== 'ok' || Number(migrations.rows[0]?.[0]) !== 1) throw new BackupError('corrupt');
  } catch (error) {
    throw error instanceof BackupError ? error : new BackupError('corrupt');
  } finally {
    check.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(from, target);
}
