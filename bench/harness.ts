import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { createServices } from '../src/services';
import { systemClock } from '../src/services/context';

/**
 * One line of the benchmark report: a figure with the baseline measured in the same
 * run, the ratio between them and the target. Every bench exports a function
 * returning these (`runDocumentImportBench(): Promise<BenchFigure[]>` …), and
 * bench/run-all.ts collects them into docs/BENCHMARKS.md.
 */
export interface BenchFigure {
  /** The script that measured it, e.g. `bench/webhook.ts`. */
  bench: string;
  /** What was measured, in one line. */
  metric: string;
  /** The figure, formatted with its unit. */
  result: string;
  /** The same-run baseline it is compared with; absent for absolute counts (errors, losses). */
  baseline?: string;
  /** result ÷ baseline, or the comparison it names. */
  ratio?: string;
  target?: string;
  /** Whether the target was met; absent when there is no target. */
  met?: boolean;
  /** Details printed under the table. */
  notes?: string[];
}

/** Name used by plug-in benches (bench/dashboard.ts returns `Promise<BenchFigures[]>`). */
export type BenchFigures = BenchFigure;

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

/** Median of unsorted values (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** CPU model as /proc/cpuinfo names it (os.cpus() as a fallback). */
export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

export function machine() {
  return `${cpus().length} × ${cpuModel()}, Node ${process.version}`;
}

/** The machine facts the report states: CPU, cores, memory, Node, and how busy it was. */
export function machineFacts() {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    loadAverage: loadavg()[0] ?? 0,
  };
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
