import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Services } from '../../services';
import type { DashboardSession } from '../../services/dashboard/get-dashboard-session';

export const sessionCookie = 'chibo_session';

export type DashboardEnv = { Variables: { session: DashboardSession; sessionId: string } };

/**
 * Every route after this needs a live session; the roster is re-read so a member who
 * lost the role is out at once. Pages get a sign-in hint, data routes a bare 401.
 */
export function requireSession(services: Services, refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const sessionId = getCookie(c, sessionCookie) ?? '';
    const session = sessionId ? await services.getDashboardSession({ sessionId }) : null;
    if (!session) return refuse(c);
    c.set('session', session);
    c.set('sessionId', sessionId);
    await next();
  };
}

/** Actor string for the audit log: ids only. */
export const actorOf = (session: DashboardSession) => (session.viewer.memberId === null ? 'web:admin' : `web:${session.viewer.memberId}`);
