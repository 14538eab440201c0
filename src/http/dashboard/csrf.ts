import type { MiddlewareHandler } from 'hono';
import type { DashboardEnv } from './session';
import { ui } from './views/labels';

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
function sameToken(a: string, b: string) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A cross-site form post carries a foreign Origin; refuse it before anything else. */
export function sameOrigin(allowedOrigins: (requestUrl: string) => string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'POST' && origin && !allowedOrigins(c.req.url).includes(origin)) return c.text(ui.csrf, 403);
    await next();
  };
}

/**
 * Every form posts back the session's synchroniser token in `_csrf`. The body is
 * parsed here once; handlers read the parsed form from `c.req.parseBody()` (cached).
 */
export function requireCsrfToken(refuse: (c: Parameters<MiddlewareHandler<DashboardEnv>>[0]) => Response | Promise<Response>): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const type = c.req.header('content-type') ?? '';
    const body = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type) ? await c.req.parseBody() : {};
    const token = typeof body._csrf === 'string' ? body._csrf : '';
    if (!sameToken(token, c.get('session').csrfToken)) return refuse(c);
    await next();
  };
}
