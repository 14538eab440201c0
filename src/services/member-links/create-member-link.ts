import { z } from 'zod';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { memberLinkKey } from './link-key';
import { signedToken } from './link-token';
import { linkExpiry, linkMember, memberLinkPurposes, memberMayUseTarget } from './link-purposes';

const inputSchema = z.object({
  memberId: z.number().int().positive(),
  purpose: z.enum(memberLinkPurposes),
  targetId: z.number().int().positive(),
});

/**
 * A signed, expiring link to one member page (`/m/<token>`) for one member and one
 * purpose: a quiz set or contest to take, a meeting to reply to, check in at or give
 * feedback on, or a document summary to read. Only for targets the member may use now.
 */
export async function createMemberLink({
  ctx,
  input,
  secret,
}: {
  ctx: ServiceContext;
  input: z.input<typeof inputSchema>;
  /** MEMBER_LINK_SECRET; when unset the database-kept secret is used. */
  secret?: string;
}): Promise<{ path: string; expiresAt: Date }> {
  const { memberId, purpose, targetId } = inputSchema.parse(input);
  const member = await linkMember(ctx, memberId);
  if (!member) throw new ServiceError('link_member_gone');
  if (!(await memberMayUseTarget(ctx, memberId, purpose, targetId))) throw new ServiceError('link_not_allowed');
  const expiresAt = await linkExpiry(ctx, purpose, targetId);
  if (expiresAt === null) throw new ServiceError('link_not_allowed');
  if (expiresAt <= ctx.clock.now().getTime()) throw new ServiceError('link_expired');
  const key = await memberLinkKey(ctx, secret);
  const token = await signedToken(key, { memberId, unitId: member.unitId, purpose, targetId, expiresAt });
  return { path: `/m/${token}`, expiresAt: new Date(Math.floor(expiresAt / 1000) * 1000) };
}
