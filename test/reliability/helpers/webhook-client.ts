import { Agent, request } from 'node:http';
import { performWebhookReply } from '../../helpers/recording-bot-api';
import { webhookSecret } from '../../helpers/test-app';

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown> | null;
  ms: number;
}

/** A webhook answer that names a method (a webhook reply), which Telegram performs. */
export const isWebhookReply = (answer: WebhookAnswer) => answer.status === 200 && typeof answer.body?.method === 'string';

/** Handled: `{ ok: true }`, or a webhook reply in its place. */
export const isHandled = (answer: WebhookAnswer) => isWebhookReply(answer) || (answer.status === 200 && answer.body?.ok === true);

/**
 * POSTs one body to a webhook URL over real HTTP with Telegram's secret header (unless told
 * otherwise) and measures the answer. A request still unanswered after `timeoutMs` is
 * aborted and reported as status 0, so a hang shows up as a failure, not a stuck test.
 * With `replyTo` (a Bot API root) it does what Telegram does with a webhook reply: performs it there.
 */
export async function postWebhook(
  url: string,
  body: string | Uint8Array,
  options: { secret?: string | null; contentType?: string; timeoutMs?: number; headers?: Record<string, string>; replyTo?: string } = {},
): Promise<WebhookAnswer> {
  const secret = options.secret === undefined ? webhookSecret : options.secret;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
      ...options.headers,
    },
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  }).catch((error: unknown) => {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return null;
    throw error;
  });
  if (!res) return { status: 0, body: null, ms: performance.now() - started };
  const text = await res.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = null;
  }
  const answer = { status: res.status, body: parsed, ms: performance.now() - started };
  if (options.replyTo && res.status === 200) await performWebhookReply(options.replyTo, parsed).catch(() => undefined);
  return answer;
}

export const postUpdate = (url: string, update: unknown, options?: Parameters<typeof postWebhook>[2]) => postWebhook(url, JSON.stringify(update), options);

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * The same POST over node:http with a keep-alive pool, the way a proxy or Telegram reuses
 * connections. Unlike fetch, it reports an answer the server sent before the client finished
 * uploading (a 413 to an oversized body); an error or a reset with no answer is status 0.
 */
export function postRaw(
  url: string,
  body: string | Uint8Array,
  options: { secret?: string | null; contentType?: string; timeoutMs?: number } = {},
): Promise<WebhookAnswer & { error?: string }> {
  const secret = options.secret === undefined ? webhookSecret : options.secret;
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: WebhookAnswer & { error?: string }) => {
      if (!settled) resolve({ ...answer, ms: performance.now() - started });
      settled = true;
    };
    const req = request(
      url,
      {
        agent: keepAlive,
        method: 'POST',
        headers: {
          'content-type': options.contentType ?? 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        const done = () => {
          let parsed: Record<string, unknown> | null = null;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = null;
          }
          settle({ status: res.statusCode ?? 0, body: parsed, ms: 0 });
        };
        res.on('end', done);
        res.on('error', done);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error('timed out')));
    // After an early answer the upload may fail (EPIPE): the answer stands.
    req.on('error', (error) => setTimeout(() => settle({ status: 0, body: null, ms: 0, error: error.message }), 20));
    req.end(body);
  });
}

/**
 * Delivers updates the way Telegram does after a failure: each one again every `everyMs`
 * until it is answered with HTTP 200 (or `timeoutMs` passes). Returns, per update, the
 * statuses it got, in order.
 */
export async function deliverUntilAcknowledged(url: string, updates: readonly unknown[], options: { everyMs?: number; timeoutMs?: number; replyTo?: string } = {}) {
  const everyMs = options.everyMs ?? 2000;
  const deadline = performance.now() + (options.timeoutMs ?? 60_000);
  const statuses: number[][] = updates.map(() => []);
  let waiting = updates.map((_, i) => i);
  for (;;) {
    const answers = await Promise.all(waiting.map((i) => postUpdate(url, updates[i], { replyTo: options.replyTo })));
    answers.forEach((a, k) => {
      statuses[waiting[k]!]!.push(a.status);
    });
    waiting = waiting.filter((_, k) => answers[k]!.status !== 200);
    if (waiting.length === 0 || performance.now() > deadline) return statuses;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
