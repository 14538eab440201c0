import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../../logger';

/** Refuses a webhook body over `maxSize` bytes with 413 before it is read. */
export function limitWebhookBody(maxSize: number, logger: Logger, label: string): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      logger.warn(`${label}: body too large`);
      // The unread body leaves the connection unusable (the Node server drops it soon after):
      // say so, or a client or proxy reusing it loses its next request to a reset.
      c.header('Connection', 'close');
      return c.json({ ok: false, error: 'too_large' }, 413);
    },
  });
}

/** The request body parsed as JSON, or `ok: false` when it is not JSON. */
export async function readJsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { ok: false };
  }
}
