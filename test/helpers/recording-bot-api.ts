import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

export const testBotInfo: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: 'Chibo',
  username: 'chibo_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * A Bot API stand-in over real HTTP that records every call, for the methods
 * telegram-test-api lacks (setMyCommands …) and for counting outbound calls.
 */
export async function startRecordingBotApi() {
  const calls: RecordedCall[] = [];
  let messageId = 1;
  // Like Telegram, a callback query can be answered once; a second answer is refused.
  const answered = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { raw };
      }
      calls.push({ method, body });
      if (method === 'answerCallbackQuery') {
        const queryId = String(body.callback_query_id);
        if (answered.has(queryId)) {
          res.statusCode = 400;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }));
          return;
        }
        answered.add(queryId);
      }
      let result: unknown = true;
      if (method === 'getMe') result = testBotInfo;
      if (method === 'sendMessage' || method === 'editMessageText') {
        result = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: body.chat_id, type: 'private' }, text: body.text };
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.body.text)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
