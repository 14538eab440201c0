import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannelSender } from '../../bot/telegram/telegram-channel-sender';

// How the outbox reads Telegram's answers: real HTTP against small stand-ins.
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function apiAnswering(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return new Api('1:test', { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const reply = (status: number, body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
};

const message = { chatId: '42', text: 'Xin chào', keyboard: [[{ text: 'Tham dự', data: 'mt:y:1' }]] };

describe('Telegram channel sender', () => {
  it('maps Telegram answers to send results', async () => {
    const ok = createTelegramChannelSender(await apiAnswering(reply(200, { ok: true, result: { message_id: 7, date: 0, chat: { id: 42, type: 'private' } } })));
    expect(await ok.send(message)).toEqual({ kind: 'sent', messageId: '7' });
    const limited = createTelegramChannelSender(await apiAnswering(reply(429, { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 7 } })));
    expect(await limited.send(message)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 7 });
    const blocked = createTelegramChannelSender(await apiAnswering(reply(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' })));
    expect(await blocked.send(message)).toMatchObject({ kind: 'blocked' });
    const bad = createTelegramChannelSender(await apiAnswering(reply(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })));
    expect(await bad.send(message)).toEqual({ kind: 'invalid', reason: 'Bad Request: chat not found' });
    const down = createTelegramChannelSender(await apiAnswering(reply(502, { ok: false, error_code: 502, description: 'Bad Gateway' })));
    expect(await down.send(message)).toMatchObject({ kind: 'transient' });
  });

  it('retries a refused connection but never a request that may have arrived', async () => {
    const refused = createTelegramChannelSender(new Api('1:test', { apiRoot: 'http://127.0.0.1:1' }));
    expect(await refused.send(message)).toMatchObject({ kind: 'transient' });
    // The server reads the request, then drops the connection without answering.
    const dropped = createTelegramChannelSender(await apiAnswering((req) => req.socket.destroy()));
    expect(await dropped.send(message)).toEqual({ kind: 'uncertain', reason: 'network' });
  });
});
