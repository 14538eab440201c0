import type { MiddlewareHandler } from 'hono';

/** Server-rendered pages: no script anywhere, styles and images from this site only. */
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Headers of the web pages (dashboard, member pages): strict CSP, nothing cached (figures and
 * personal pages), and a Referer only to this site. same-origin rather than no-referrer: with
 * no-referrer Chromium posts forms with `Origin: null`, which the pages' Origin checks refuse.
 * `noindex` for pages reached by private links.
 */
export function pageHeaders(options: { noindex?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'same-origin');
    if (options.noindex) c.header('X-Robots-Tag', 'noindex, nofollow');
  };
}
