import { Composer } from 'grammy';
import { ServiceError } from '../../../src/services/errors';
import { signInLinkTtlMinutes } from '../../../src/services/dashboard/create-sign-in-link';
import type { BotContext } from '../context';
import { vi } from '../locales/vi';

/**
 * /dashboard: a one-time sign-in link to the web dashboard, for secretaries and
 * committee members, and only in a private chat where nobody else can read it.
 */
export function dashboardFeature(dashboardUrl: string) {
  const feature = new Composer<BotContext>();
  feature.command('dashboard', async (ctx) => {
    if (!ctx.member) throw new ServiceError('not_linked');
    if (ctx.chat.type !== 'private') {
      await ctx.reply(vi.dashboardPrivateOnly);
      return;
    }
    const { token } = await ctx.services.createSignInLink({ memberId: ctx.member.memberId }, ctx.actor);
    await ctx.reply(vi.dashboardLink(`${dashboardUrl}/dashboard/sign-in?token=${token}`, signInLinkTtlMinutes), {
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
