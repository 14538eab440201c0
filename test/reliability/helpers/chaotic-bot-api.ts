import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testBotInfo } from '../../helpers/recording-bot-api';

/** How the stand-in treats one request. Only `ok`, `drop-after` and `slow` deliver a message. */
export type Reaction =
  | { kind: 'ok' }
  /** An error answer (429 with retry_after, 403, 5xx …): nothing delivered. */
  | { kind: 'error'; status: number; description: string; retryAfter?: number }
  /** The connection drops before the request is processed: nothing delivered. */
  | { kind: 'drop-before' }
  /** The message is delivered, then the connection drops before the answer. */
  | { kind: 'drop-after' }
  /** Delivered, answered after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Never answers (until the stand-in closes). */
  | { kind: 'hang' };

export interface ChaosRequest {
  seq: number;
  method: string;
  chatId: string | null;
  body: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ChaosAnswer extends ChaosRequest {
  reaction: Reaction['kind'];
  status?: number;
}

/**
 * A Bot API stand-in over real HTTP that misbehaves on demand: `decide` picks a reaction per
 * request. It counts what each chat really received, so duplicates and losses can be told apart
 * from what the sender believes.
 */
export async function startChaoticBotApi(decide: (request: ChaosRequest) => Reaction) {
  const answers: ChaosAnswer[] = [];
  const delivered = new Map<string, number>();
  let seq = 0;
  let messageId = 1;
  const deliver = (r: ChaosRequest) => {
    if (r.method === 'sendMessage' && r.chatId !== null) delivered.set(r.chatId, (delivered.get(r.chatId) ?? 0) + 1);
  };
  const okBody = (r: ChaosRequest) => {
    if (r.method === 'getMe') return testBotInfo;
    if (r.method === 'sendMessage' || r.method === 'editMessageText') {
      return { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(r.chatId), type: 'private' }, text: r.body.text };
    }
    return true;
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const request: ChaosRequest = {
        seq: seq++,
        method: (req.url ?? '').split('/').pop() ?? '',
        chatId: body.chat_id === undefined ? null : String(body.chat_id),
        body,
        at: performance.now(),
      };
      const reaction = decide(request);
      answers.push({ ...request, reaction: reaction.kind, status: reaction.kind === 'error' ? reaction.status : undefined });
      switch (reaction.kind) {
        case 'ok':
          deliver(request);
          return json(res, 200, { ok: true, result: okBody(request) });
        case 'error':
          return json(res, reaction.status, {
            ok: false,
            error_code: reaction.status,
            description: reaction.description,
            ...(reaction.retryAfter === undefined ? {} : { parameters: { retry_after: reaction.retryAfter } }),
          });
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'drop-after':
          deliver(request);
          req.socket.destroy();
          return;
        case 'slow':
          deliver(request);
          setTimeout(() => json(res, 200, { ok: true, result: okBody(request) }), reaction.ms);
          return;
        case 'hang':
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answers,
    delivered,
    /** Stops listening and cuts every open connection, hanging ones included. */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
