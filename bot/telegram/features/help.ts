import { Composer } from 'grammy';
import { commandsFor } from '../commands';
import type { BotContext } from '../context';
import { vi } from '../locales/vi';

/** /help lists exactly the commands the sender's role can use. */
export function helpFeature() {
  const feature = new Composer<BotContext>();
  feature.command('help', async (ctx) => {
    if (!ctx.member) {
      await ctx.reply(vi.helpStranger);
      return;
    }
    const lines = commandsFor(ctx.member.role).map((c) => `/${c.command} — ${c.description}`);
    await ctx.reply(`${vi.helpHeader(ctx.member.fullName)}\n\n${lines.join('\n')}`);
  });
  return feature;
}
