// Starts a TypeScript entry (node --import tsx, not the tsx wrapper) or a built bundle
// (plain node, as `npm start` runs dist/node.js) as a child process that is the Node
// process itself, so /proc/<pid>/status is the server's own memory.
// Every child is killed when the bench process exits, whatever happens to the run.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

/** Memory of a process from /proc/<pid>/status, in MB: resident now (VmRSS) and at its peak (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time a process has used so far (user + system), in seconds, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const clockTicks = 100;
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * Bundles `entry` to `outfile` (paths from the repo root) with the build `npm start` runs
 * first (scripts/build.mjs); returns `outfile` for startChild.
 */
export function buildBundle(entry = 'src/entry/node.ts', outfile = 'dist/node.js'): string {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), entry, outfile], { cwd: root, stdio: 'inherit' });
  return outfile;
}

/**
 * Runs `script` (a path from the repo root: a .ts file through tsx, or a built .js bundle) with `env` in an empty working folder,
 * so a developer's .env never changes a benchmark; the repo's tsconfig still applies.
 */
export function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []) {
  const cwd = mkdtempSync(join(tmpdir(), 'chibo-bench-cwd-'));
  const loader = script.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, join(root, script)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: join(root, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => {
    live.delete(child);
    rmSync(cwd, { recursive: true, force: true });
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return {
    pid: child.pid!,
    output: () => ({ stdout, stderr }),
    /** Resolves with the first match of `pattern` in stdout. */
    waitFor(pattern: RegExp, ms = 60_000) {
      return new Promise<RegExpExecArray>((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          const match = pattern.exec(stdout);
          if (match) {
            clearInterval(tick);
            resolve(match);
          } else if (child.exitCode !== null || Date.now() - started > ms) {
            clearInterval(tick);
            reject(new Error(`${script} did not print ${pattern}:\n${stdout}\n${stderr}`));
          }
        }, 25);
      });
    },
    memory: () => memoryOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
    stop(graceMs = 5000) {
      return new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill('SIGTERM');
      });
    },
  };
}

export type Child = ReturnType<typeof startChild>;

/** Samples a process's resident memory every `everyMs` until stopped; returns the highest, in MB. */
export function watchMemory(pid: number, everyMs = 50) {
  let peak = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rssMb);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, memoryOf(pid).rssMb);
    },
  };
}
