import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../bot/zalo/client';
import { zalo as zaloText } from '../../bot/zalo/locales/vi';
import { startZaloPolling } from '../../bot/zalo/polling';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { startZaloEmulator, type ZaloEmulator, zaloTextUpdate } from '../helpers/zalo-api-emulator';

// What polling does when getUpdates or the database fails: an empty poll's 408 and a server
// error are waited out, a webhook that is set (409) stops polling with a log line, and a
// database that fails on one message does not end polling for the next.

let api: ZaloEmulator;
let t: TestDb;
let logged: { level: string; msg: string; fields?: Record<string, unknown> }[];
let stops: unknown[];
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (msg, fields) => logged.push({ level: 'warn', msg, fields }),
  error: (msg, fields) => logged.push({ level: 'error', msg, fields }),
};

beforeEach(async () => {
  api = await startZaloEmulator();
  t = await createTestDb();
  logged = [];
  stops = [];
});
afterEach(async () => {
  await api.close();
  t.close();
});

const until = async (check: () => boolean, ms = 10_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function poll(services: Services = t.services) {
  return startZaloPolling({
    client: createZaloClient({ token: api.token, apiRoot: api.apiRoot }),
    services,
    logger,
    timeoutSeconds: 1,
    onStop: (error) => stops.push(error ?? 'stopped'),
  });
}

describe('Zalo polling', () => {
  it('waits out an empty poll answered 408 and a server error, then answers the member', async () => {
    api.failNext('getUpdates', 408);
    api.failNext('getUpdates', 500);
    api.queueUpdate(zaloTextUpdate('zp-1', 'Xin chào', 'poll-1'));
    const polling = poll();
    try {
      await until(() => api.sent('zp-1').length > 0);
      expect(api.sent('zp-1')).toEqual([zaloText.welcomeStranger]);
      // The 408 is an empty poll, not a failure; the 500 is one, logged without the token.
      expect(logged.map((l) => l.msg)).toEqual(['zalo polling: getUpdates failed, retrying']);
      expect(JSON.stringify(logged)).not.toContain(api.token);
    } finally {
      await polling.stop();
    }
    expect(stops).toEqual(['stopped']);
  });

  it('stops and says so when a webhook is set (409), instead of polling in a loop', async () => {
    await createZaloClient({ token: api.token, apiRoot: api.apiRoot }).setWebhook('https://chibo.example.org/webhook/zalo', 'zalo-secret-0123456789');
    const polling = poll();
    await until(() => stops.length > 0);
    await polling.stop();
    expect(logged).toEqual([{ level: 'error', msg: 'zalo polling stopped', fields: { status: 409 } }]);
    expect(api.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(1);
  });

  it('carries on after the database fails on one message: the next message is answered', async () => {
    let failOnce = true;
    // The database failing under the first claim (busy, unreachable): the service call throws.
    const services = new Proxy(t.services, {
      get(target, name, receiver) {
        if (name === 'leaseUpdate' && failOnce) {
          failOnce = false;
          return () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
        }
        return Reflect.get(target, name, receiver);
      },
    });
    api.queueUpdate(zaloTextUpdate('zp-2', 'Xin chào', 'poll-2'));
    api.queueUpdate(zaloTextUpdate('zp-3', 'Xin chào', 'poll-3'));
    const polling = poll(services);
    try {
      await until(() => api.sent('zp-3').length > 0);
      // The first message is lost to polling (getUpdates hands a message out once), and the log says so.
      expect(api.sent('zp-2')).toEqual([]);
      expect(api.sent('zp-3')).toEqual([zaloText.welcomeStranger]);
      expect(logged.map((l) => l.msg)).toEqual(['zalo polling: update not taken']);
    } finally {
      await polling.stop();
    }
  });
});
