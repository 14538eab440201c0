import { and, eq } from 'drizzle-orm';
import { type Channel, channelAccounts } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** Removes the link between a chat account and the roster (the member's own choice). */
export async function unlinkAccount({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: Channel; externalId: string };
}): Promise<void> {
  const match = and(eq(channelAccounts.channel, input.channel), eq(channelAccounts.externalId, input.externalId));
  const [account] = await ctx.db.select({ memberId: channelAccounts.memberId }).from(channelAccounts).where(match);
  if (!account) throw new ServiceError('not_linked');
  await ctx.db.batch([
    ctx.db.delete(channelAccounts).where(match),
    auditStatement(ctx, { action: 'account.unlink', entity: 'member', entityId: account.memberId, details: { channel: input.channel } }),
  ]);
}
