import { type Context, Hono } from 'hono';
import { pageHeaders } from '../middlewares/page-headers';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { isServiceError } from '../../services/errors';
import type { MemberLinkPurpose } from '../../services/member-links/link-purposes';
import { errorPage } from './error-page';
import { errorTexts, serviceErrorTexts } from './labels';
import type { LinkHandler, LinkRequest, MemberRoutes } from './link-request';
import { meetingRoutes } from './meeting-routes';
import { quizRoutes } from './quiz-routes';
import { memberPagesCss } from './style';
import { summaryRoutes } from './summary-routes';

export interface MemberPagesDeps {
  services: Services;
  logger: Logger;
  /** PUBLIC_URL: its origin may post forms too (behind a proxy the request URL differs). */
  publicUrl?: string;
}

/**
 * Signed member pages at /m/<token>: a quiz, a meeting reply, a check-in, feedback, a
 * summary. No cookies and no scripts; the link is checked against the database on every
 * request, and every form carries the page's form token besides a same-origin check.
 */
export function memberPageRoutes(deps: MemberPagesDeps) {
  const { services, logger } = deps;
  const app = new Hono();
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : null;

  // The token is in the path. The Referer goes only to this site, and the pages load nothing
  // from elsewhere and link nowhere else, so the token reaches no third party.
  app.use('*', pageHeaders({ noindex: true }));
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => errorPage(c, 413, errorTexts.tooLarge) }));
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = [new URL(c.req.url).origin, ...(publicOrigin ? [publicOrigin] : [])];
    if (c.req.method === 'POST' && origin && !allowed.includes(origin)) return errorPage(c, 403, errorTexts.csrf);
    await next();
  });
  app.get('/assets/style.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(memberPagesCss);
  });

  /** Maps any failure to its page once; nothing about the token or the stack reaches the log or the member. */
  const fail = (c: Context, error: unknown, back?: string) => {
    if (isServiceError(error)) {
      switch (error.code) {
        case 'link_invalid':
          return errorPage(c, 404, errorTexts.link_invalid);
        case 'link_expired':
          return errorPage(c, 410, errorTexts.link_expired);
        case 'link_wrong_purpose':
          return errorPage(c, 400, errorTexts.link_wrong_purpose);
        case 'link_member_gone':
        case 'link_not_allowed':
          return errorPage(c, 403, errorTexts[error.code]);
        case 'forbidden':
          return errorPage(c, 403, error.message === 'form token' ? errorTexts.csrf : errorTexts.link_not_allowed);
        case 'not_found':
          return errorPage(c, 404, errorTexts.not_found, back);
        case 'invalid_input':
          return errorPage(c, 400, errorTexts.invalid, back);
        default: {
          const text = serviceErrorTexts[error.code];
          if (text) return errorPage(c, 409, text, back);
        }
      }
    }
    if (error instanceof z.ZodError) return errorPage(c, 400, errorTexts.invalid, back);
    logger.error('member page failed', { route: c.req.routePath, error: error instanceof Error ? error.name : 'unknown' });
    return errorPage(c, 500, errorTexts.generic, back);
  };

  /** Verifies the link (and on a post the form token), then runs the handler; any failure becomes its page. */
  const withLink =
    (expect: MemberLinkPurpose[] | undefined, handler: LinkHandler) =>
    async (c: Context) => {
      const token = c.req.param('token') ?? '';
      const base = `/m/${token}`;
      try {
        let form: LinkRequest['form'] = {};
        let formToken: string | undefined;
        if (c.req.method === 'POST') {
          const type = c.req.header('content-type') ?? '';
          form = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)
            ? ((await c.req.parseBody({ all: true })) as Record<string, string | string[]>)
            : {};
          formToken = typeof form._form === 'string' ? form._form : '';
        }
        const link = await services.verifyMemberLink({ token, expect, formToken }, 'web:link');
        return await handler(c, { link, base, form, actor: `web:${link.memberId}` });
      } catch (error) {
        return fail(c, error, c.req.method === 'POST' ? base : undefined);
      }
    };

  // Anything that escapes a handler stops here, so the app-wide handler never logs a path with a token in it.
  app.onError((error, c) => fail(c, error));

  const route: MemberRoutes = { app, services, withLink, pages: {} };
  quizRoutes(route);
  meetingRoutes(route);
  summaryRoutes(route);
  // The page of a link: whichever purpose it was made for.
  app.get(
    '/:token',
    withLink(undefined, (c, r) => {
      const page = route.pages[r.link.purpose];
      return page ? page(c, r) : errorPage(c, 404, errorTexts.not_found);
    }),
  );
  return app;
}
