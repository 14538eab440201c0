import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTsx, startNpmStart } from '../helpers/run-node';

const dir = mkdtempSync(join(tmpdir(), 'chibo-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start (src/entry/node.ts, bundled to dist/node.js)', () => {
  it('builds, migrates, seeds the demo bloc, serves /health and says the bot is off without a token', async () => {
    const port = String(30000 + Math.floor(Math.random() * 20000));
    const env = { DATABASE_URL: `file:${join(dir, 'nested', 'chibo.db')}`, PORT: port, TELEGRAM_BOT_TOKEN: '' };
    const server = startNpmStart(env);
    try {
      // The lines arrive in more than one chunk: wait for the last one this test reads.
      await server.waitFor(/health: +http:\/\/localhost:\d+\/health/, 30_000);
      expect(server.output().stdout).toContain(`http://localhost:${port}/health`);
      for (let i = 0; i < 100 && !server.output().stderr.includes('Telegram bot is OFF'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(server.output().stderr).toContain('Telegram bot is OFF');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', bot: 'off' });
    } finally {
      await server.stop();
    }
    // The server itself shut down gracefully (npm, signalled with it, reports only the signal);
    // its last lines may arrive just after npm has gone.
    for (let i = 0; i < 50 && !server.output().stderr.includes('received SIGTERM'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.output().stderr).toContain('received SIGTERM, shutting down');
    const units = await runTsx('src/cli.ts', ['units', 'list', '--json'], env);
    const list = JSON.parse(units.stdout) as { kind: string; members: number }[];
    expect(list.filter((u) => u.kind === 'dang_bo_khoi')).toHaveLength(1);
    expect(list.reduce((n, u) => n + u.members, 0)).toBeGreaterThanOrEqual(55);
  });

  it('refuses to start with a readable message when a variable is bad', async () => {
    const result = await runTsx('src/entry/node.ts', [], { PORT: 'abc', DATABASE_URL: `file:${join(dir, 'x.db')}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});
