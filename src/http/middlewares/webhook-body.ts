import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger';

/** Bodies read by limitWebhookBody, for readJsonBody; keyed by the request so nothing outlives it. */
const bodies = new WeakMap<object, string>();

/**
 * The Node request, when @hono/node-server serves the app (it passes `{ incoming, outgoing }`
 * as the env). Reading it directly skips building a web Request and stream for every update,
 * ~10% of a webhook's CPU; Workers and `app.request` have none and read the web body.
 */
function nodeIncoming(c: Context): AsyncIterable<Uint8Array> | null {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return null;
  const incoming: unknown = env.incoming;
  return typeof incoming === 'object' && incoming !== null && Symbol.asyncIterator in incoming ? (incoming as AsyncIterable<Uint8Array>) : null;
}

async function* webChunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * The body as text, or 'too_large' as soon as it passes `maxSize` bytes. The rest is left unread
 * rather than the stream closed (as `break` in for-await would): closing a Node request destroys
 * its socket before the 413 can be sent.
 */
async function readCapped(chunks: AsyncIterable<Uint8Array>, maxSize: number): Promise<string | 'too_large'> {
  const iterator = chunks[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const chunk = next.value;
    size += chunk.byteLength;
    if (size > maxSize) return 'too_large';
    parts.push(chunk);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(whole);
}

/**
 * Reads a webhook body of at most `maxSize` bytes for readJsonBody, refusing a larger one with
 * 413 before it is read (by its Content-Length) or as soon as it passes the limit.
 */
export function limitWebhookBody(maxSize: number, logger: Logger, label: string): MiddlewareHandler {
  return async (c, next) => {
    const tooLarge = () => {
      logger.warn(`${label}: body too large`);
      // The unread body leaves the connection unusable (the Node server drops it soon after):
      // say so, or a client or proxy reusing it loses its next request to a reset.
      c.header('Connection', 'close');
      return c.json({ ok: false, error: 'too_large' }, 413);
    };
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > maxSize) return tooLarge();
    const incoming = nodeIncoming(c);
    const web = incoming ? null : c.req.raw.body;
    const chunks = incoming ?? (web ? webChunks(web) : null);
    // A body cut short by the sender is left unset: readJsonBody answers that it is not JSON.
    const text = chunks ? await readCapped(chunks, maxSize).catch(() => null) : '';
    if (text === 'too_large') return tooLarge();
    if (text !== null) bodies.set(c.req.raw, text);
    await next();
  };
}

/** The request body (read by limitWebhookBody) parsed as JSON, or `ok: false` when it is not JSON. */
export async function readJsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = bodies.get(c.req.raw);
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
