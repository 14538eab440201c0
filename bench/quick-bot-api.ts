// A Bot API stand-in that answers every call at once (no rate limit), for the webhook
// bench: getMe, setMyCommands, setWebhook, answerCallbackQuery, editMessageText, sendMessage…
// It counts calls per bot token and method; GET /__stats returns the counts as JSON.
// Run as a child of bench/webhook.ts; prints "Bot API emulator on http://127.0.0.1:PORT".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testBotInfo } from '../test/helpers/recording-bot-api';
import { isMain } from './harness';

export interface BotApiStats {
  /** Per token, per method: how many calls. */
  calls: Record<string, Record<string, number>>;
  /** Per token: the last setWebhook (url and secret), as a bot registered it. */
  webhooks: Record<string, { url: string; secret: string }>;
  /** Second answers to one callback query, refused like Telegram does. */
  refusedAnswers: Record<string, number>;
}

export async function startQuickBotApi(port = 0) {
  const stats: BotApiStats = { calls: {}, webhooks: {}, refusedAnswers: {} };
  const answered = new Set<string>();
  let messageId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/__stats') {
        res.end(JSON.stringify(stats));
        return;
      }
      // /bot<token>/<method>
      const [, tokenPart = '', method = ''] = (req.url ?? '').split('/');
      const token = tokenPart.replace(/^bot/, '');
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const perToken = stats.calls[token] ?? {};
      perToken[method] = (perToken[method] ?? 0) + 1;
      stats.calls[token] = perToken;
      let result: unknown = true;
      if (method === 'getMe') result = testBotInfo;
      if (method === 'setWebhook') stats.webhooks[token] = { url: String(body.url), secret: String(body.secret_token) };
      if (method === 'answerCallbackQuery') {
        const key = `${token}:${String(body.callback_query_id)}`;
        if (answered.has(key)) {
          stats.refusedAnswers[token] = (stats.refusedAnswers[token] ?? 0) + 1;
          res.statusCode = 400;
          res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }));
          return;
        }
        answered.add(key);
      }
      if (method === 'sendMessage' || method === 'editMessageText') {
        result = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id ?? 0), type: 'private' }, text: String(body.text ?? '') };
      }
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (isMain(import.meta.url)) {
  const api = await startQuickBotApi(Number(process.env.PORT ?? 0));
  console.log(`Bot API emulator on ${api.apiRoot}`);
  process.once('SIGTERM', () => void api.close().then(() => process.exit(0)));
}
