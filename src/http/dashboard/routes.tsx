import { type Context, Hono } from 'hono';
import { pageHeaders } from '../middlewares/page-headers';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { sessionTtlHours } from '../../services/dashboard/redeem-sign-in-link';
import { isServiceError } from '../../services/errors';
import type { MeetingRules } from '../../services/meetings/meeting-rules';
import { requireCsrfToken, sameOrigin } from './csrf';
import { toCsv } from './export/csv';
import { toXlsx } from './export/xlsx';
import { dashboardPages } from './pages';
import type { PageRequest } from './pages/page';
import { type DashboardEnv, actorOf, requireSession, sessionCookie } from './session';
import { parseSort } from './table-model';
import { DataTable } from './views/data-table';
import { signInErrors, ui } from './views/labels';
import { Bare, Layout } from './views/layout';
import { dashboardCss } from './views/style';

export interface DashboardDeps {
  services: Services;
  rules: MeetingRules;
  logger: Logger;
  /** The public base URL (PUBLIC_URL); an https one makes the cookie Secure. */
  publicUrl?: string;
}

const pageQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  id: z.coerce.number().int().positive().optional(),
  sort: z.string().max(40).optional(),
});

/** The web dashboard: one-time sign-in, session cookie, pages, JSON, CSV/XLSX exports. */
export function dashboardRoutes(deps: DashboardDeps) {
  const { services } = deps;
  const app = new Hono<DashboardEnv>();
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : null;

  app.use('*', pageHeaders());
  // Forms here are small; refuse big bodies before anything parses them (sign-in included).
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text(ui.invalid, 413) }));
  app.use('*', sameOrigin((url) => [new URL(url).origin, ...(publicOrigin ? [publicOrigin] : [])]));
  app.get('/assets/style.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(dashboardCss);
  });

  const errorPage = (c: Context, status: 400 | 401 | 403 | 404 | 500, message: string) =>
    c.html(
      <Bare title={ui.appName}>
        <p class="notice">{message}</p>
        <p>
          <a href="/dashboard">{ui.backToOverview}</a>
        </p>
      </Bare>,
      status,
    );
  const wantsData = (c: Context) => /^\/dashboard\/(api|export)\//.test(c.req.path);
  const refuse = (c: Context, status: 401 | 403, message: string) => (wantsData(c) ? c.json({ ok: false, error: status === 401 ? 'unauthorised' : 'forbidden' }, status) : errorPage(c, status, message));
  const fail = (c: Context, error: unknown) => {
    if (isServiceError(error, 'forbidden')) return refuse(c, 403, ui.forbidden);
    if (isServiceError(error, 'not_found')) return wantsData(c) ? c.json({ ok: false, error: 'not_found' }, 404) : errorPage(c, 404, ui.notFound);
    if (isServiceError(error, 'invalid_input') || error instanceof z.ZodError) {
      // A service names the field it refused (`reason`): say what that field needs.
      const reason = isServiceError(error) && typeof error.details?.reason === 'string' ? error.details.reason : undefined;
      if (wantsData(c)) return c.json({ ok: false, error: 'invalid_input', ...(reason ? { reason } : {}) }, 400);
      const field = reason ? ui.invalidField[reason] : undefined;
      return errorPage(c, 400, field ? `${ui.invalid} ${field}` : ui.invalid);
    }
    deps.logger.error('dashboard request failed', { path: c.req.path, error: error instanceof Error ? error.name : 'unknown' });
    return wantsData(c) ? c.json({ ok: false, error: 'internal_error' }, 500) : errorPage(c, 500, ui.generic);
  };

  // Sign-in: the GET only shows a button, so a link preview that fetches the URL cannot spend the token.
  app.get('/sign-in', (c) => {
    const token = c.req.query('token') ?? '';
    return c.html(
      <Bare title={ui.signInTitle}>
        <p>{ui.signInExplain}</p>
        <form method="post" action="/dashboard/sign-in">
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="primary">
            {ui.signInButton}
          </button>
        </form>
      </Bare>,
    );
  });
  app.post('/sign-in', async (c) => {
    const body = await c.req.parseBody();
    try {
      const { sessionId } = await services.redeemSignInLink({ token: typeof body.token === 'string' ? body.token : '' }, 'web:sign-in');
      const secure = c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https' || publicOrigin?.startsWith('https:') === true;
      setCookie(c, sessionCookie, sessionId, { path: '/dashboard', httpOnly: true, sameSite: 'Lax', secure, maxAge: sessionTtlHours * 3600 });
      return c.redirect('/dashboard', 303);
    } catch (error) {
      if (isServiceError(error) || error instanceof z.ZodError) {
        const message = (isServiceError(error) && signInErrors[error.code]) || signInErrors.sign_in_link_unknown!;
        return errorPage(c, isServiceError(error, 'forbidden') ? 403 : 400, message);
      }
      return fail(c, error);
    }
  });

  app.use('*', requireSession(services, (c) => refuse(c, 401, ui.needSignIn)));
  app.use('*', requireCsrfToken((c) => (wantsData(c) ? c.json({ ok: false, error: 'csrf' }, 403) : errorPage(c, 403, ui.csrf))));

  app.post('/sign-out', async (c) => {
    await services.endDashboardSession({ sessionId: c.get('sessionId') });
    deleteCookie(c, sessionCookie, { path: '/dashboard' });
    return c.html(
      <Bare title={ui.appName}>
        <p>{ui.signedOut}</p>
      </Bare>,
    );
  });

  const pageRequest = (c: Context<DashboardEnv>): PageRequest & { sort?: string } => {
    const q = pageQuery.parse(c.req.query());
    const session = c.get('session');
    return { services, viewer: session.viewer, actor: actorOf(session), rules: deps.rules, unitId: q.unit, id: q.id, sort: q.sort };
  };
  const findPage = (name: string) => (Object.hasOwn(dashboardPages, name) ? dashboardPages[name] : undefined);

  const renderPage = async (c: Context<DashboardEnv>, name: string) => {
    const page = findPage(name);
    if (!page) return errorPage(c, 404, ui.notFound);
    try {
      const request = pageRequest(c);
      if (page.needsId && request.id === undefined) return errorPage(c, 400, ui.invalid);
      const data = await page.load(request);
      const tables = page.tables(data);
      const query: Record<string, string> = {};
      if (request.unitId !== undefined) query.unit = String(request.unitId);
      if (request.id !== undefined) query.id = String(request.id);
      const sort = parseSort(request.sort);
      const session = c.get('session');
      const view = {
        csrf: session.csrfToken,
        query,
        table: (id: string) => {
          const t = tables.find((x) => x.id === id);
          return t ? <DataTable table={t} sort={sort} query={{ ...query, ...(request.sort ? { sort: request.sort } : {}) }} exportBase={`/dashboard/export/${name || 'overview'}`} /> : <p class="notice">{ui.noRows}</p>;
        },
      };
      const who = session.viewer.fullName ?? ui.admin;
      return c.html(
        <Layout title={page.title(data)} current={page.nav} csrf={session.csrfToken} who={who}>
          {page.body(data, view)}
        </Layout>,
      );
    } catch (error) {
      return fail(c, error);
    }
  };

  app.get('/', (c) => renderPage(c, ''));

  // JSON of any page's data, behind the same session and scope checks.
  app.get('/api/:page', async (c) => {
    const name = c.req.param('page') === 'overview' ? '' : c.req.param('page');
    const page = findPage(name);
    if (!page) return c.json({ ok: false, error: 'not_found' }, 404);
    try {
      const request = pageRequest(c);
      if (page.needsId && request.id === undefined) return c.json({ ok: false, error: 'invalid_input' }, 400);
      const { viewer: _viewer, ...data } = (await page.load(request)) as Record<string, unknown>;
      return c.json({ ok: true, data });
    } catch (error) {
      return fail(c, error);
    }
  });

  app.get('/export/:page/:file', async (c) => {
    const name = c.req.param('page') === 'overview' ? '' : c.req.param('page');
    const file = c.req.param('file').match(/^([a-z-]+)\.(csv|xlsx)$/);
    const page = findPage(name);
    if (!page || !file) return c.json({ ok: false, error: 'not_found' }, 404);
    try {
      const request = pageRequest(c);
      if (page.needsId && request.id === undefined) return c.json({ ok: false, error: 'invalid_input' }, 400);
      const t = page.tables(await page.load(request)).find((x) => x.id === file[1]);
      if (!t) return c.json({ ok: false, error: 'not_found' }, 404);
      await services.recordExport({ viewer: request.viewer, page: name || 'overview', table: t.id, format: file[2]!, rows: t.rows.length }, request.actor);
      const filename = `chibo-${name || 'overview'}-${t.id}.${file[2]}`;
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      if (file[2] === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        return c.body(toCsv(t, ui.percentSuffix));
      }
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return c.body(toXlsx(t, ui.percentSuffix, t.title) as Uint8Array<ArrayBuffer>);
    } catch (error) {
      return fail(c, error);
    }
  });

  const formNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : undefined);

  app.post('/document/approve', async (c) => {
    try {
      const request = pageRequest(c);
      const body = await c.req.parseBody();
      if (request.id === undefined) return errorPage(c, 400, ui.invalid);
      await services.approveSummaryFromDashboard(
        { viewer: request.viewer, documentId: request.id, scope: typeof body.scope === 'string' && body.scope ? body.scope : undefined },
        request.actor,
      );
      return c.redirect(`/dashboard/document?id=${request.id}`, 303);
    } catch (error) {
      return fail(c, error);
    }
  });

  app.post('/targets', async (c) => {
    try {
      const request = pageRequest(c);
      const body = await c.req.parseBody();
      const metric = typeof body.metric === 'string' ? body.metric : '';
      await services.setTarget(
        {
          viewer: request.viewer,
          unitId: request.unitId,
          documentTargetId: formNumber(body.documentTargetId),
          label: typeof body.label === 'string' ? body.label : undefined,
          metric: metric as never,
          value: formNumber(body.value) ?? Number.NaN,
        },
        request.actor,
      );
      return c.redirect(`/dashboard/targets${request.unitId ? `?unit=${request.unitId}` : ''}`, 303);
    } catch (error) {
      return fail(c, error);
    }
  });

  app.post('/targets/delete', async (c) => {
    try {
      const request = pageRequest(c);
      if (request.id === undefined) return errorPage(c, 400, ui.invalid);
      await services.removeTarget({ viewer: request.viewer, targetId: request.id }, request.actor);
      return c.redirect(`/dashboard/targets${request.unitId ? `?unit=${request.unitId}` : ''}`, 303);
    } catch (error) {
      return fail(c, error);
    }
  });

  app.get('/:page', (c) => renderPage(c, c.req.param('page')));
  return app;
}
