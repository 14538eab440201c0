import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/** Deletes expired dashboard sessions, and sign-in links a day after they expire (so a late click still gets "expired", not "unknown"). */
export async function pruneDashboardAccess({ ctx }: { ctx: ServiceContext; input?: undefined }) {
  const now = ctx.clock.now().getTime();
  const [sessions, links] = await ctx.db.batch([
    ctx.db.run(sql`DELETE FROM dashboard_sessions WHERE expires_at < ${now}`),
    ctx.db.run(sql`DELETE FROM dashboard_sign_in_links WHERE expires_at < ${now - 86_400_000}`),
  ]);
  return { sessions: sessions.rowsAffected, links: links.rowsAffected };
}
