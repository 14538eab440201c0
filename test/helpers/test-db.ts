import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { migrateDatabase, openDatabase } from '../../src/db/open-node';
import { createServices } from '../../src/services';
import { FakeClock } from './fake-clock';

export interface TestDb {
  db: Database;
  url: string;
  dir: string;
  clock: FakeClock;
  services: ReturnType<typeof createServices>;
  count(table: string): Promise<number>;
  close(): void;
}

/** A migrated libSQL file in a fresh temp folder, with services on a fake clock. */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const { client, db } = await openDatabase(url);
  await migrateDatabase(db);
  const clock = new FakeClock();
  return {
    db,
    url,
    dir,
    clock,
    services: createServices({ db, clock }),
    async count(table: string) {
      const [row] = await db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`));
      return Number(row?.n ?? 0);
    },
    close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
