import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { repoRoot } from '../helpers/run-node';

export const artifactsDir = join(repoRoot, 'test-artifacts', 'browser');

/** Debian's Chromium (CHROMIUM_PATH overrides); the flags keep it quiet on a closed network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run scripts/ci-browser.sh or set CHROMIUM_PATH`);
  // Playwright makes a fresh --user-data-dir for each launch and removes it on close.
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real Node entry (src/entry/node.ts) as a child process on the given database, HTTP
 * only. It runs as `node --import tsx` rather than the tsx CLI, so the server is one
 * process (no grandchild) that a SIGKILL surely ends when SIGTERM is not enough.
 */
export async function startServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      // Empty values win over a developer's .env (process.loadEnvFile keeps what is set).
      TELEGRAM_BOT_TOKEN: '',
      PUBLIC_URL: '',
      SUMMARY_API_URL: '',
      MEETING_RULES: '',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  const started = Date.now();
  while (!/Chibo is serving/.test(stdout)) {
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      await stop();
      throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { baseUrl: `http://127.0.0.1:${port}`, output: () => ({ stdout, stderr }), stop };
}

/** Clicks something that loads a new document and returns that document's response. */
export async function clickToNavigate(page: Page, target: Locator): Promise<Response> {
  const response = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame());
  await target.click();
  const r = await response;
  await page.waitForLoadState('load');
  return r;
}

/** A full-page screenshot kept under test-artifacts/browser/. */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Collects console errors and uncaught page errors of every page in a context (CSP violations show here). */
export function collectPageErrors(context: BrowserContext) {
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('console', (m) => {
      // Chromium asks for /favicon.ico by itself; the app has none (a 404 that is no page's fault).
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  });
  return errors;
}


/**
 * The server and Chromium, started side by side. If either fails, whichever did start is
 * stopped before the error is thrown, so a failed start leaves no process behind.
 */
export async function startServerAndChromium(databaseUrl: string) {
  const [started, launched] = await Promise.allSettled([startServer(databaseUrl), launchChromium()]);
  const server = started.status === 'fulfilled' ? started.value : undefined;
  const browser = launched.status === 'fulfilled' ? launched.value : undefined;
  const stop = async () => {
    // Each step on its own, so a failure in one still ends the other.
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  };
  if (!server || !browser) {
    await stop();
    throw started.status === 'rejected' ? started.reason : launched.status === 'rejected' ? launched.reason : new Error('unreachable');
  }
  return { server, browser, stop };
}
