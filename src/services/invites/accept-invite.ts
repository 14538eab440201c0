import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Channel, channelAccounts, invites } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { getLinkedMember, type LinkedMember } from '../accounts/get-linked-member';
import { checkInvite } from './check-invite';

/**
 * Links a chat account to the invited member after they consented to the
 * privacy notice. The code is spent and the account written in one batch; if a
 * concurrent tap won the race, the unique keys roll the whole batch back.
 */
export async function acceptInvite({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: Channel; code: string; externalId: string; chatId: string };
}): Promise<LinkedMember> {
  const { inviteId, memberId } = await checkInvite({ ctx, input });
  const now = ctx.clock.now();
  try {
    const [spent] = await ctx.db.batch([
      ctx.db
        .update(invites)
        .set({ usedAt: now })
        .where(and(eq(invites.id, inviteId), isNull(invites.usedAt), gt(invites.expiresAt, now)))
        .returning({ id: invites.id }),
      ctx.db.insert(channelAccounts).values({
        memberId,
        channel: input.channel,
        externalId: input.externalId,
        chatId: input.chatId,
        consentAt: now,
        linkedAt: now,
      }),
      auditStatement(ctx, { action: 'account.link', entity: 'member', entityId: memberId, details: { channel: input.channel } }),
    ]);
    if (spent.length === 0) throw new ServiceError('invite_used');
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (!/UNIQUE constraint failed/.test(String(error))) throw error;
    // Someone linked in between: report the reason the state now shows.
    await checkInvite({ ctx, input });
    throw new ServiceError('invite_used');
  }
  const linked = await getLinkedMember({ ctx, input });
  if (!linked) throw new ServiceError('not_found', 'linked member vanished');
  return linked;
}
