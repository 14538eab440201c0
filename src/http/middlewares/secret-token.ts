import type { MiddlewareHandler } from 'hono';

/** Constant-time comparison so the secret cannot be guessed byte by byte from timings. */
export function safeEqual(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Rejects a request whose `header` does not carry `secret`, before anything else runs. */
export function requireSecretHeader(header: string, secret: string): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header(header);
    if (given === undefined || !safeEqual(given, secret)) return c.json({ ok: false, error: 'unauthorized' }, 401);
    await next();
  };
}
