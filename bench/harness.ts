import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { createServices } from '../src/services';
import { systemClock } from '../src/services/context';

/** A fresh migrated libSQL file for one benchmark run. */
export async function benchDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-bench-'));
  const opened = await openDatabase(`file:${join(dir, 'bench.db')}`);
  await migrateDatabase(opened.db);
  return {
    ...opened,
    services: createServices({ db: opened.db, clock: systemClock }),
    cleanup: () => {
      opened.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` `runs` times after `warmup` runs; returns per-run milliseconds, sorted. */
export async function time(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const ms = (n: number) => `${n.toFixed(2)} ms`;

export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
}
