// Renders docs/BENCHMARKS.md from the figures of one `npm run bench`, keeping the
// file's "## History" section (earlier runs) as it was.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchFigure, machineFacts } from './harness';

export interface BenchOutcome {
  bench: string;
  seconds: number;
  figures: BenchFigure[];
  /** Why the bench produced no figures (failed or skipped). */
  problem?: string;
}

export interface RunReport {
  startedAt: Date;
  seconds: number;
  machine: ReturnType<typeof machineFacts>;
  loadAverageAtEnd: number;
  outcomes: BenchOutcome[];
}

const historyHeading = '## History';
const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const metText = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : '**no**');
const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(0)} s`);

function render(r: RunReport, history: string): string {
  const m = r.machine;
  const when = `${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run-all.ts); everything above "History" is replaced on each run.',
    'These machines are shared and noisy, so every figure stands next to a baseline measured in the',
    'same run, on the same harness, and the ratio between the two is what to compare across runs.',
    'Each script also runs alone: `npx tsx bench/<name>.ts`.',
    '',
    `## Latest run: ${when}`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB memory, Node ${m.node}, ${process.platform}`,
    `- Load average (1 min): ${m.loadAverage.toFixed(2)} at the start, ${r.loadAverageAtEnd.toFixed(2)} at the end; other work may have been running`,
    `- Whole run: ${duration(r.seconds)} (${r.outcomes.map((o) => `${o.bench} ${duration(o.seconds)}`).join(', ')})`,
    '',
    '| benchmark | figure | result | same-run baseline | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const o of r.outcomes) {
    if (o.problem && o.figures.length === 0) {
      lines.push(`| \`${o.bench}\` | — | ${cell(o.problem)} | | | | |`);
      continue;
    }
    for (const f of o.figures) {
      lines.push(`| \`${f.bench}\` | ${cell(f.metric)} | ${cell(f.result)} | ${cell(f.baseline)} | ${cell(f.ratio)} | ${cell(f.target)} | ${metText(f.met)} |`);
    }
  }
  lines.push('', '### Notes');
  for (const o of r.outcomes) {
    const notes = [...(o.problem ? [o.problem] : []), ...o.figures.flatMap((f) => f.notes ?? [])];
    if (notes.length === 0) continue;
    lines.push('', `**\`${o.bench}\`**`, '', ...notes.map((n) => `- ${n}`));
  }
  lines.push('');
  return `${lines.join('\n')}${history ? `\n${history}` : ''}`;
}

/** Writes the report to `path`, keeping the history section already there. */
export function writeReport(path: string, report: RunReport): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = previous.indexOf(`\n${historyHeading}`);
  const history = at >= 0 ? previous.slice(at + 1) : previous.startsWith(historyHeading) ? previous : '';
  writeFileSync(path, render(report, history.trimEnd() ? `${history.trimEnd()}\n` : ''));
}
