import { sql } from 'drizzle-orm';
import type { DashboardRole } from '../../db/schema';
import type { ServiceContext } from '../context';
import { sha256Hex } from '../tokens';
import { type DashboardViewer, adminViewer, loadMemberViewer } from './viewer';

export interface DashboardSession {
  viewer: DashboardViewer;
  csrfToken: string;
}

/**
 * The session behind a cookie value, or null when it is unknown, expired, or its
 * member has lost the role that earned it (the roster is read on every request).
 */
export async function getDashboardSession({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string } }): Promise<DashboardSession | null> {
  if (input.sessionId.length === 0 || input.sessionId.length > 200) return null;
  const [row] = await ctx.db.all<{ member_id: number | null; role: DashboardRole; csrf_token: string }>(sql`
    SELECT member_id, role, csrf_token FROM dashboard_sessions
    WHERE id_hash = ${await sha256Hex(input.sessionId)} AND expires_at > ${ctx.clock.now().getTime()}`);
  if (!row) return null;
  if (row.member_id === null) return row.role === 'admin' ? { viewer: adminViewer, csrfToken: row.csrf_token } : null;
  const viewer = await loadMemberViewer(ctx, row.member_id);
  return viewer ? { viewer, csrfToken: row.csrf_token } : null;
}
