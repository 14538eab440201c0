import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Spawns `tsx <script> ...args` from the repo root, collecting what it prints. */
function spawnTsx(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(tsx, [script, ...args], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => {
    output.stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output.stderr += d.toString();
  });
  return { child, output };
}

/** Runs `tsx <script> ...args` to its end; resolves with its exit code and output. */
export function runTsx(script: string, args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const { child, output } = spawnTsx(script, args, env);
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, ...output }));
  });
}

/** Starts a long-running tsx process (e.g. two instances of the Node entry); `waitFor` resolves once its stdout matches. */
export function startTsx(script: string, env: Record<string, string>) {
  const { child, output } = spawnTsx(script, [], { LOG_LEVEL: 'info', ...env });
  return {
    child,
    output: () => ({ ...output }),
    waitFor: (pattern: RegExp, ms = 20_000) => waitForOutput(child, output, pattern, ms),
    stop() {
      return new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * Runs `npm start` from the repo root as a user does (build, then the bundle), in its own
 * process group: npm runs the server under a shell, so `stop` signals the whole group.
 */
export function startNpmStart(env: Record<string, string>) {
  const child = spawn('npm', ['start', '--silent'], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => {
    output.stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output.stderr += d.toString();
  });
  return {
    child,
    output: () => ({ ...output }),
    waitFor: (pattern: RegExp, ms = 20_000) => waitForOutput(child, output, pattern, ms),
    /** SIGTERM to npm, the shell and the server at once; resolves once npm has gone. */
    stop() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      });
    },
  };
}

/** Resolves once the process's stdout matches `pattern`; rejects if it exits first or after `ms`. */
function waitForOutput(child: ChildProcess, output: { stdout: string; stderr: string }, pattern: RegExp, ms: number) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (pattern.test(output.stdout)) {
        clearInterval(tick);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > ms) {
        clearInterval(tick);
        reject(new Error(`process did not print ${pattern}: ${output.stdout}\n${output.stderr}`));
      }
    }, 50);
  });
}
