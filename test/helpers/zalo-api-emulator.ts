import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Zalo Bot Platform over real HTTP, in the documented shapes:
// POST <root>/bot<TOKEN>/<method> with JSON; answers { ok, result } or { ok: false, error_code, description }.
// It records every call, serves queued updates to getUpdates, enforces the 2,000-character text
// limit, and can answer 429 or 5xx on demand, or enforce a send rate.

export interface ZaloCall {
  method: string;
  body: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
}

export const zaloTestToken = '4242424242:zalo-TEST-token';

export async function startZaloEmulator(options: { token?: string; enforce?: { perChatIntervalMs: number; globalPerSecond: number } } = {}) {
  const token = options.token ?? zaloTestToken;
  const calls: ZaloCall[] = [];
  const updates: unknown[] = [];
  const failures: { method: string; status: number; retryAfter?: number }[] = [];
  const lastToChat = new Map<string, number>();
  const recentSends: number[] = [];
  let messageId = 1;
  let webhook: { url: string; secret: string } | null = null;
  let enforce = options.enforce ?? null;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      const at = performance.now();
      const [, bot, method = ''] = (req.url ?? '').split('?')[0]!.split('/');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { raw };
      }
      const answer = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
        calls.push({ method, body, at, status });
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.end(JSON.stringify(payload));
      };
      const fail = (status: number, description: string, headers: Record<string, string> = {}) => answer(status, { ok: false, error_code: status, description }, headers);
      if (bot !== `bot${token}`) return fail(401, 'Unauthorized');
      const injected = failures.findIndex((f) => f.method === method || f.method === '*');
      if (injected >= 0) {
        const [f] = failures.splice(injected, 1);
        return fail(f!.status, f!.status === 429 ? 'Too Many Requests' : 'Internal Server Error', f!.retryAfter ? { 'retry-after': String(f!.retryAfter) } : {});
      }
      switch (method) {
        case 'getMe':
          return answer(200, { ok: true, result: { id: '7000000000000000001', account_name: 'bot.chibo', account_type: 'BASIC', can_join_groups: false } });
        case 'setWebhook': {
          const url = String(body.url ?? '');
          const secret = String(body.secret_token ?? '');
          if (!/^https:\/\//.test(url) || secret.length < 8 || secret.length > 256) return fail(400, 'Bad Request: invalid url or secret_token');
          webhook = { url, secret };
          return answer(200, { ok: true, result: { url, updated_at: Date.now() } });
        }
        case 'deleteWebhook':
          webhook = null;
          return answer(200, { ok: true, result: { url: '', updated_at: Date.now() } });
        case 'getWebhookInfo':
          return answer(200, { ok: true, result: { url: webhook?.url ?? '', updated_at: Date.now() } });
        case 'getUpdates': {
          if (webhook) return fail(409, 'Conflict: webhook is set');
          const next = updates.shift();
          if (next === undefined) {
            // Long poll: hold the request a little, then say nothing arrived.
            setTimeout(() => answer(200, { ok: true, result: [] }), 50);
            return;
          }
          return answer(200, { ok: true, result: next });
        }
        case 'sendMessage':
        case 'sendPhoto': {
          const chatId = body.chat_id;
          const text = method === 'sendMessage' ? body.text : (body.caption ?? '');
          if (typeof chatId !== 'string' || chatId === '') return fail(400, 'Bad Request: chat_id is required');
          if (method === 'sendMessage' && (typeof text !== 'string' || text.length === 0)) return fail(400, 'Bad Request: text is required');
          if (typeof text === 'string' && text.length > 2000) return fail(400, 'Bad Request: text is too long');
          if (enforce) {
            const last = lastToChat.get(chatId);
            while (recentSends.length > 0 && at - recentSends[0]! > 1000) recentSends.shift();
            if ((last !== undefined && at - last < enforce.perChatIntervalMs) || recentSends.length >= enforce.globalPerSecond) {
              return fail(429, 'Too Many Requests');
            }
            recentSends.push(at);
          }
          lastToChat.set(chatId, at);
          return answer(200, { ok: true, result: { message_id: `zm${messageId++}`, date: Date.now() } });
        }
        default:
          return fail(404, 'Not Found: method');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sentCalls = (chatId?: string) => calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && (chatId === undefined || c.body.chat_id === chatId));
  return {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    sentCalls,
    /** Texts delivered (status 200), optionally to one chat. */
    sent: (chatId?: string) => sentCalls(chatId).map((c) => String(c.body.text)),
    /** The last text delivered to a chat. */
    last: (chatId: string) => sentCalls(chatId).at(-1)?.body.text as string | undefined,
    queueUpdate: (update: unknown) => updates.push(update),
    /** The next `count` calls of `method` ('*': any) answer `status` (429 with retry-after, 500 …). */
    failNext: (method: string, status: number, count = 1, retryAfter?: number) => {
      for (let i = 0; i < count; i++) failures.push({ method, status, retryAfter });
    },
    webhook: () => webhook,
    /** From now on answer 429 to sends faster than this (null: no limit). */
    enforceRate: (limits: { perChatIntervalMs: number; globalPerSecond: number } | null) => {
      enforce = limits;
      lastToChat.clear();
      recentSends.length = 0;
    },
    reset: () => {
      calls.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ZaloEmulator = Awaited<ReturnType<typeof startZaloEmulator>>;

let nextMessageId = 1;

/** A private text message as the Zalo Bot Platform delivers it. */
export function zaloTextUpdate(userId: string, text: string, messageId = `zin${nextMessageId++}`) {
  return {
    event_name: 'message.text.received',
    message: {
      from: { id: userId, display_name: 'Thử', is_bot: false },
      chat: { id: userId, chat_type: 'PRIVATE' },
      text,
      message_id: messageId,
      date: Date.now(),
    },
  };
}
