import type { MiddlewareHandler } from 'hono';

/** Server-rendered pages: no script anywhere, styles and images from this site only. */
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Headers of the web pages (dashboard, member pages): strict CSP, nothing cached (figures and
 * personal pages), `noindex` for pages reached by private links. The Referrer-Policy
 * (same-origin) comes from the app-wide secure headers in src/app.ts.
 */
export function pageHeaders(options: { noindex?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('Cache-Control', 'no-store');
    if (options.noindex) c.header('X-Robots-Tag', 'noindex, nofollow');
  };
}
