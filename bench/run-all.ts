// `npm run bench`: runs every benchmark one after the other and writes docs/BENCHMARKS.md
// (date, machine, one table of figures with their same-run baselines, ratios and targets).
// Exits with 1 when a benchmark failed to run; missed targets are reported, not fatal.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBroadcastBench } from './broadcast';
import { runDocumentImportBench } from './document-import';
import { runDocumentSearchBench } from './document-search';
import { type BenchFigure, machineFacts } from './harness';
import { type BenchOutcome, writeReport } from './report';
import { runWebhookBench } from './webhook';

interface BenchEntry {
  bench: string;
  /** Returns the figures; `null` means skipped, with the reason in `skipped`. */
  run: () => Promise<BenchFigure[] | null>;
  skipped?: string;
}

// ─── Dashboard bench: plug-in point ────────────────────────────────────────────
// bench/dashboard.ts (being written separately) exports
// `runDashboardBench(): Promise<BenchFigure[]>` (the type lives in bench/harness.ts).
// Until that file exists, the run skips it and the report says so.
const dashboardFile = new URL('./dashboard.ts', import.meta.url);
const dashboardEntry: BenchEntry = {
  bench: 'bench/dashboard.ts',
  async run() {
    if (!existsSync(dashboardFile)) {
      this.skipped = 'Skipped: bench/dashboard.ts does not exist yet (it will export runDashboardBench()).';
      return null;
    }
    // A computed specifier, so the typecheck passes while the file is absent.
    const mod = (await import(dashboardFile.href)) as { runDashboardBench?: () => Promise<BenchFigure[]> };
    if (typeof mod.runDashboardBench !== 'function') {
      this.skipped = 'Skipped: bench/dashboard.ts does not export runDashboardBench().';
      return null;
    }
    return mod.runDashboardBench();
  },
};
// ────────────────────────────────────────────────────────────────────────────────

const benches: BenchEntry[] = [
  { bench: 'bench/document-import.ts', run: () => runDocumentImportBench() },
  { bench: 'bench/document-search.ts', run: () => runDocumentSearchBench(500) },
  { bench: 'bench/broadcast.ts', run: () => runBroadcastBench(300) },
  { bench: 'bench/webhook.ts', run: () => runWebhookBench(3) },
  dashboardEntry,
];

const reportPath = fileURLToPath(new URL('../docs/BENCHMARKS.md', import.meta.url));
const startedAt = new Date();
const machine = machineFacts();
const started = performance.now();
const outcomes: BenchOutcome[] = [];
let failed = false;

for (const entry of benches) {
  const t0 = performance.now();
  console.log(`\n▶ ${entry.bench}`);
  try {
    const figures = await entry.run();
    const seconds = (performance.now() - t0) / 1000;
    if (figures === null) console.log(`  ${entry.skipped}`);
    outcomes.push({ bench: entry.bench, seconds, figures: figures ?? [], problem: figures === null ? entry.skipped : undefined });
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`  ${entry.bench} failed:`, error);
    outcomes.push({ bench: entry.bench, seconds: (performance.now() - t0) / 1000, figures: [], problem: `FAILED: ${message}` });
  }
}

writeReport(reportPath, { startedAt, seconds: (performance.now() - started) / 1000, machine, loadAverageAtEnd: loadavg()[0] ?? 0, outcomes });
const missed = outcomes.flatMap((o) => o.figures).filter((f) => f.met === false);
console.log(`\nWrote ${reportPath}: ${outcomes.flatMap((o) => o.figures).length} figures, ${missed.length} target(s) missed${failed ? ', a benchmark FAILED' : ''}.`);
for (const f of missed) console.log(`  missed: ${f.bench} — ${f.metric}: ${f.result} (target ${f.target})`);
process.exit(failed ? 1 : 0);
