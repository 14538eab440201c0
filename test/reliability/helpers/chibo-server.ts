import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { repoRoot } from '../../helpers/run-node';
import { webhookSecret } from '../../helpers/test-app';
import { until } from './pool';

/** A free loopback port, asked of the kernel. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((r) => probe.close(r));
  return port;
}

const started = new Set<ChildProcess>();
// A failing test must not leave a server behind holding a port and a database.
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

let built = false;
/** Builds dist/node.js once per test process, with the build `npm start` runs first. */
function buildServerOnce() {
  if (!built) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}

/**
 * Runs the server as `npm start` does (src/entry/node.ts bundled to dist/node.js, plain node),
 * in webhook mode against `apiRoot`, and waits until /health reports the bot on. The child is
 * node itself, not npm or the tsx CLI, which run the server in a grandchild: SIGKILL to them
 * would leave the real server running and this would test nothing.
 */
export async function startChiboServer(options: { databaseUrl: string; apiRoot: string; port?: number; env?: Record<string, string> }) {
  const port = options.port ?? (await freePort());
  buildServerOnce();
  const child = spawn(process.execPath, ['dist/node.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO: 'false',
      TELEGRAM_BOT_TOKEN: '123456:TEST-token',
      TELEGRAM_BOT_USERNAME: 'chibo_test_bot',
      TELEGRAM_API_ROOT: options.apiRoot,
      PUBLIC_URL: 'https://chibo.example.org',
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const server = {
    port,
    base,
    webhookUrl: `${base}/webhook/telegram`,
    child,
    alive,
    output: () => ({ stdout, stderr }),
    /** Resolves once the log (stderr, one line per event) matches. */
    waitForLog: (pattern: RegExp, timeoutMs = 30_000) => until(`log ${pattern}`, () => pattern.test(stderr), timeoutMs),
    /** kill -9: no shutdown handler runs, requests in flight are cut. */
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM: the graceful shutdown of src/entry/node.ts. */
    async stop() {
      if (alive()) child.kill('SIGTERM');
      return exited;
    },
  };
  try {
    await until(
      'the server to serve with the bot in webhook mode',
      async () => {
        if (!alive()) throw new Error(`server exited early:\n${stdout}\n${stderr}`);
        const health = await fetch(`${base}/health`).catch(() => null);
        return health?.status === 200 && ((await health.json()) as { bot?: string }).bot === 'webhook';
      },
      60_000,
      100,
    );
  } catch (error) {
    await server.kill9();
    throw error;
  }
  return server;
}

export type ChiboServer = Awaited<ReturnType<typeof startChiboServer>>;
