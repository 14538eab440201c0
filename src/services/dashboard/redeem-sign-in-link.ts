import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DashboardRole } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { randomToken, sha256Hex } from '../tokens';
import { loadMemberViewer } from './viewer';

export const sessionTtlHours = 8;

const inputSchema = z.object({ token: z.string().min(1).max(200) });

/**
 * Spends a sign-in token (once: a conditional update decides the race) and opens a
 * session. Returns the session id for the cookie; only its hash is stored.
 */
export async function redeemSignInLink({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof inputSchema> }) {
  const { token } = inputSchema.parse(input);
  const hash = await sha256Hex(token);
  const now = ctx.clock.now().getTime();
  const [spent] = await ctx.db.all<{ member_id: number | null; role: DashboardRole }>(sql`
    UPDATE dashboard_sign_in_links SET used_at = ${now}
    WHERE token_hash = ${hash} AND used_at IS NULL AND expires_at > ${now}
    RETURNING member_id, role`);
  if (!spent) {
    const [link] = await ctx.db.all<{ used_at: number | null }>(sql`SELECT used_at FROM dashboard_sign_in_links WHERE token_hash = ${hash}`);
    if (!link) throw new ServiceError('sign_in_link_unknown', 'unknown sign-in link');
    throw new ServiceError(link.used_at === null ? 'sign_in_link_expired' : 'sign_in_link_used', 'sign-in link not usable');
  }
  // The role may have changed since the link was minted: the roster decides.
  if (spent.member_id !== null && !(await loadMemberViewer(ctx, spent.member_id))) {
    throw new ServiceError('forbidden', 'member has no dashboard role');
  }
  const sessionId = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now + sessionTtlHours * 3600_000);
  await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO dashboard_sessions (id_hash, member_id, role, csrf_token, expires_at, created_at)
      VALUES (${await sha256Hex(sessionId)}, ${spent.member_id}, ${spent.role}, ${csrfToken}, ${expiresAt.getTime()}, ${now})`),
    auditStatement(ctx, { action: 'dashboard.sign_in', entity: 'member', entityId: spent.member_id, details: { role: spent.role } }),
  ]);
  return { sessionId, expiresAt };
}
