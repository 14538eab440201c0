import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** Refused as Telegram would (a callback query answered a second time): the user saw nothing. */
  refused?: true;
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
 * Does what Telegram does with a webhook's 200 answer that names a `method` (a webhook reply):
 * performs that call at the Bot API at `apiRoot`. Any other answer asks for nothing.
 */
export async function performWebhookReply(apiRoot: string, answer: unknown) {
  if (typeof answer !== 'object' || answer === null || !('method' in answer) || typeof answer.method !== 'string') return;
  const { method, ...params } = answer as { method: string };
  await fetch(`${apiRoot}/botwebhook-reply/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
}

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
      const call: RecordedCall = { method, body };
      calls.push(call);
      if (method === 'answerCallbackQuery') {
        const queryId = String(body.callback_query_id);
        if (answered.has(queryId)) {
          call.refused = true;
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
  const apiRoot = `http://127.0.0.1:${port}`;
  return {
    apiRoot,
    calls,
    /**
     * Does what Telegram does with a webhook response that names a `method` (a webhook reply):
     * performs that call, so it is recorded (and refused) like any other.
     */
    async performWebhookReply(response: Response) {
      if (response.status !== 200) return;
      await performWebhookReply(apiRoot, await response.clone().json().catch(() => null));
    },
    sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.body.text)),
    /** The text of the last callback answer the user saw (the first one Telegram took for its query). */
    lastAnswerShown: () => String(calls.filter((c) => c.method === 'answerCallbackQuery' && !c.refused).at(-1)?.body.text),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
