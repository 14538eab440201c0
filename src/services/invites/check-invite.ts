import { sql } from 'drizzle-orm';
import type { Channel } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { inviteCodePattern, normaliseInviteCode } from './invite-code';

interface InviteState {
  inviteId: number;
  memberId: number;
  expiresAt: number;
  usedAt: number | null;
  memberAccount: string | null; // external id already linked to the invited member
  accountMember: number | null; // member the caller's account is already linked to
}

/**
 * Says whether `externalId` may link with this code, without changing anything;
 * throws a ServiceError naming the reason when it may not.
 */
export async function checkInvite({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: Channel; code: string; externalId: string };
}): Promise<{ inviteId: number; memberId: number }> {
  const code = normaliseInviteCode(input.code);
  if (!inviteCodePattern.test(code)) throw new ServiceError('invite_unknown');
  const [state] = await ctx.db.all<{
    invite_id: number;
    member_id: number;
    expires_at: number;
    used_at: number | null;
    member_account: string | null;
    account_member: number | null;
  }>(sql`
    SELECT i.id AS invite_id, i.member_id, i.expires_at, i.used_at,
      (SELECT a.external_id FROM channel_accounts a WHERE a.member_id = i.member_id AND a.channel = ${input.channel}) AS member_account,
      (SELECT a.member_id FROM channel_accounts a WHERE a.external_id = ${input.externalId} AND a.channel = ${input.channel}) AS account_member
    FROM invites i WHERE i.code = ${code}`);
  if (!state) throw new ServiceError('invite_unknown');
  const s: InviteState = {
    inviteId: state.invite_id,
    memberId: state.member_id,
    expiresAt: Number(state.expires_at),
    usedAt: state.used_at == null ? null : Number(state.used_at),
    memberAccount: state.member_account,
    accountMember: state.account_member == null ? null : Number(state.account_member),
  };
  if (s.memberAccount === input.externalId) throw new ServiceError('invite_already_yours');
  if (s.usedAt !== null) throw new ServiceError('invite_used');
  if (s.expiresAt <= ctx.clock.now().getTime()) throw new ServiceError('invite_expired');
  if (s.accountMember !== null) throw new ServiceError('account_linked_to_other_member');
  if (s.memberAccount !== null) throw new ServiceError('member_linked_elsewhere');
  return { inviteId: s.inviteId, memberId: s.memberId };
}
