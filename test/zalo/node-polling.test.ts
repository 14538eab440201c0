import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zalo } from '../../bot/zalo/locales/vi';
import { startTsx } from '../helpers/run-node';
import { startZaloEmulator, type ZaloEmulator, zaloTextUpdate } from '../helpers/zalo-api-emulator';

const dir = mkdtempSync(join(tmpdir(), 'chibo-zalo-'));
let api: ZaloEmulator;
beforeAll(async () => {
  api = await startZaloEmulator();
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on now (a random one may be an ephemeral port another test holds). */
const freePort = () =>
  new Promise<string>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(String(port)));
    });
  });

const until = async (check: () => boolean, ms = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('npm start with a Zalo token and no public URL', () => {
  it('polls Zalo with getUpdates, answers a member, and shuts down cleanly', async () => {
    const port = await freePort();
    const server = startTsx('src/entry/node.ts', {
      DATABASE_URL: `file:${join(dir, 'chibo.db')}`,
      PORT: port,
      TELEGRAM_BOT_TOKEN: '',
      ZALO_BOT_TOKEN: api.token,
      ZALO_API_ROOT: api.apiRoot,
    });
    try {
      await server.waitFor(/Chibo is serving/);
      await until(() => server.output().stderr.includes('Zalo bot is ON (polling)')).catch(() => {
        throw new Error(`no polling: ${server.output().stderr}`);
      });
      api.queueUpdate(zaloTextUpdate('zn-1', 'Xin chào', 'node-1'));
      api.queueUpdate(zaloTextUpdate('zn-1', 'Xin chào', 'node-1')); // delivered twice: answered once
      await until(() => api.sent('zn-1').length > 0);
      await new Promise((r) => setTimeout(r, 300));
      expect(api.sent('zn-1')).toEqual([zalo.welcomeStranger]);
      expect(api.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
      // No webhook route without a secret.
      expect((await fetch(`http://127.0.0.1:${port}/webhook/zalo`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output().stderr).not.toContain(api.token);
  });
});
