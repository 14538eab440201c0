import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves a Hono app on a free loopback port, as `npm start` would, for real HTTP requests. */
export async function serveApp(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    webhookUrl: `${base}/webhook/telegram`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
