import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { randomToken, sha256Hex } from '../tokens';
import { loadMemberViewer } from './viewer';

/** Short enough that a forwarded or leaked link is soon worthless. */
export const signInLinkTtlMinutes = 10;

const inputSchema = z.union([
  z.object({ memberId: z.number().int().positive() }),
  z.object({ memberCode: z.string().trim().min(1).max(64) }),
  z.object({ admin: z.literal(true) }),
]);

/**
 * Mints a one-time sign-in token for a member who holds a dashboard role, or for an
 * admin (CLI only). The token is returned once; only its hash is stored.
 */
export async function createSignInLink({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof inputSchema> }) {
  const parsed = inputSchema.parse(input);
  let memberId: number | null = null;
  let role: 'admin' | 'secretary' | 'committee' = 'admin';
  if ('memberId' in parsed || 'memberCode' in parsed) {
    if ('memberCode' in parsed) {
      const [row] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = ${parsed.memberCode}`);
      if (!row) throw new ServiceError('not_found', 'member not found', { member: parsed.memberCode });
      memberId = row.id;
    } else memberId = parsed.memberId;
    const viewer = await loadMemberViewer(ctx, memberId);
    if (!viewer) throw new ServiceError('forbidden', 'member has no dashboard role');
    role = viewer.role;
  }
  const token = randomToken();
  const now = ctx.clock.now().getTime();
  const expiresAt = new Date(now + signInLinkTtlMinutes * 60_000);
  await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO dashboard_sign_in_links (token_hash, member_id, role, expires_at, created_at)
      VALUES (${await sha256Hex(token)}, ${memberId}, ${role}, ${expiresAt.getTime()}, ${now})`),
    auditStatement(ctx, { action: 'dashboard.link', entity: 'member', entityId: memberId, details: { role } }),
  ]);
  return { token, role, expiresAt };
}
