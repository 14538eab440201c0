import { z } from 'zod';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { memberLinkKey, sameSignature } from './link-key';
import { linkMember, type MemberLinkPurpose, memberLinkPurposes, memberMayUseTarget } from './link-purposes';
import { formTokenOf, readToken } from './link-token';

const inputSchema = z.object({
  token: z.string().max(200),
  /** The purposes the calling page serves; another purpose is `link_wrong_purpose`. */
  expect: z.array(z.enum(memberLinkPurposes)).optional(),
  /** A posted form's token: it must be the one this link's page was rendered with. */
  formToken: z.string().max(100).optional(),
});

export interface VerifiedMemberLink {
  memberId: number;
  fullName: string;
  purpose: MemberLinkPurpose;
  targetId: number;
  expiresAt: Date;
  /** Put in every form of the page; posts without it are refused. */
  formToken: string;
}

/**
 * Checks a member link on every request: signature (`link_invalid`), expiry
 * (`link_expired`), purpose (`link_wrong_purpose`), the member still on the roll and in
 * the unit the link was made for (`link_member_gone`), and still allowed to use the
 * target (`link_not_allowed`); a form post also needs the page's form token (`forbidden`).
 */
export async function verifyMemberLink({
  ctx,
  input,
  secret,
}: {
  ctx: ServiceContext;
  input: z.input<typeof inputSchema>;
  secret?: string;
}): Promise<VerifiedMemberLink> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('link_invalid');
  const { token, expect, formToken } = parsed.data;
  const key = await memberLinkKey(ctx, secret);
  const claims = await readToken(key, token);
  if (!claims) throw new ServiceError('link_invalid');
  if (ctx.clock.now().getTime() >= claims.expiresAt) throw new ServiceError('link_expired');
  if (expect && !expect.includes(claims.purpose)) throw new ServiceError('link_wrong_purpose');
  const member = await linkMember(ctx, claims.memberId);
  if (!member || member.unitId !== claims.unitId) throw new ServiceError('link_member_gone');
  if (!(await memberMayUseTarget(ctx, claims.memberId, claims.purpose, claims.targetId))) throw new ServiceError('link_not_allowed');
  const expected = await formTokenOf(key, token);
  if (formToken !== undefined && !sameSignature(formToken, expected)) throw new ServiceError('forbidden', 'form token');
  return {
    memberId: claims.memberId,
    fullName: member.fullName,
    purpose: claims.purpose,
    targetId: claims.targetId,
    expiresAt: new Date(claims.expiresAt),
    formToken: expected,
  };
}
