import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, webhookSecret } from '../helpers/test-app';
import { textUpdate } from '../helpers/updates';

// Under @hono/node-server the webhook reads its body straight from the Node request (not through
// a web Request): the limits and the refusals must hold there too, over a real socket.
let t: Awaited<ReturnType<typeof createTestApp>>;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.chibo.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

/** POSTs `chunks` with chunked transfer encoding (no Content-Length); resolves with the status. */
function postChunked(chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/webhook/telegram', method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // The server may answer and close before the upload ends (EPIPE): its answer stands.
    req.on('error', (error) => setTimeout(() => reject(error), 200));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('webhook bodies read from the Node request', () => {
  it('handles an update sent in chunks', async () => {
    const body = JSON.stringify(textUpdate(7101, '/help'));
    expect(await postChunked([body.slice(0, 20), body.slice(20)])).toBe(200);
    expect(t.api.sent().at(-1)).toContain('chưa liên kết');
  });

  it('refuses with 413 a chunked body that passes the limit, without a Content-Length to go by', async () => {
    const claims = await t.count('processed_updates');
    const piece = 'x'.repeat(400_000);
    expect(await postChunked([`{"update_id": 7102, "message": {"text": "${piece}`, piece, piece, '"}}'])).toBe(413);
    expect(await t.count('processed_updates')).toBe(claims);
  });

  it('writes nothing for a body cut short by the sender, and keeps serving', async () => {
    const claims = await t.count('processed_updates');
    const body = JSON.stringify(textUpdate(7103, '/help'));
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /webhook/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${webhookSecret}\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`,
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.count('processed_updates')).toBe(claims);
    expect(await postChunked([JSON.stringify(textUpdate(7104, '/help'))])).toBe(200);
  });
});
