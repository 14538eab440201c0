import type { NextFunction } from 'grammy';
import type { BotContext } from '../context';

/** Attaches the sender's linked member, read from the database on every update (no sessions). */
export function loadMember() {
  return async (ctx: BotContext, next: NextFunction) => {
    ctx.member = ctx.from
      ? await ctx.services.getLinkedMember({ channel: 'telegram', externalId: String(ctx.from.id) })
      : null;
    ctx.actor = ctx.member ? `telegram:${ctx.member.memberId}` : 'telegram:anonymous';
    await next();
  };
}
