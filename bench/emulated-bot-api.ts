import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Bot API stand-in for load runs on loopback: enforces `perSecond` over any
 * sliding second (429 with retry_after when exceeded) and counts what each chat received.
 */
export async function startEmulatedBotApi(perSecond: number) {
  const received = new Map<string, number>();
  const window: number[] = [];
  let tooMany = 0;
  let firstAt = 0;
  let lastAt = 0;
  let messageId = 1;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const now = performance.now();
      while (window.length > 0 && now - window[0]! >= 1000) window.shift();
      if (window.length >= perSecond) {
        tooMany++;
        res.statusCode = 429;
        res.end(JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }));
        return;
      }
      window.push(now);
      const body = JSON.parse(raw || '{}') as { chat_id?: string | number };
      const chat = String(body.chat_id);
      if ((req.url ?? '').endsWith('/sendMessage')) {
        received.set(chat, (received.get(chat) ?? 0) + 1);
        if (firstAt === 0) firstAt = now;
        lastAt = now;
      }
      res.end(JSON.stringify({ ok: true, result: { message_id: messageId++, date: 0, chat: { id: Number(chat), type: 'private' }, text: '' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    delivered: () => [...received.values()].reduce((a, b) => a + b, 0),
    tooMany: () => tooMany,
    /** Seconds from the first message received to the last. */
    span: () => (lastAt - firstAt) / 1000,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
