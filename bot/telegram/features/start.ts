import { Composer, InlineKeyboard } from 'grammy';
import { clearButtons } from '../clear-buttons';
import { callbackData, consentYesPattern } from '../callback-data';
import { setChatCommands } from '../commands';
import type { BotContext } from '../context';
import { vi } from '../locales/vi';

/** /start, with or without an invite code, and the consent step that links the account. */
export function startFeature() {
  const feature = new Composer<BotContext>();

  feature.command('start', async (ctx) => {
    const code = ctx.match.trim();
    if (!code) {
      await ctx.reply(ctx.member ? vi.welcomeBack(ctx.member.fullName) : vi.welcomeStranger);
      return;
    }
    if (ctx.chat.type !== 'private') {
      await ctx.reply(vi.privateOnly);
      return;
    }
    // Throws a ServiceError with the reason (unknown, used, expired, someone else's).
    await ctx.services.checkInvite({ channel: 'telegram', code, externalId: String(ctx.from!.id) }, ctx.actor);
    const keyboard = new InlineKeyboard()
      .text(vi.consentYes, callbackData.consentYes(code.toUpperCase().replace(/[\s-]/g, '')))
      .row()
      .text(vi.consentNo, callbackData.consentNo);
    await ctx.reply(vi.privacyNotice, { reply_markup: keyboard });
  });

  feature.callbackQuery(consentYesPattern, async (ctx) => {
    const code = ctx.match[1]!;
    const chatId = ctx.chat?.id ?? ctx.from.id;
    const member = await ctx.services.acceptInvite(
      { channel: 'telegram', code, externalId: String(ctx.from.id), chatId: String(chatId) },
      ctx.actor,
    );
    await ctx.answerCallbackQuery();
    await clearButtons(ctx);
    await ctx.reply(vi.linked(member.fullName, member.unitName));
    await setChatCommands(ctx.api, chatId, member.role).catch((e: unknown) =>
      ctx.logger.warn('could not set chat commands', { error: e instanceof Error ? e.name : 'unknown' }),
    );
  });

  feature.callbackQuery(callbackData.consentNo, async (ctx) => {
    await ctx.answerCallbackQuery();
    await clearButtons(ctx);
    await ctx.reply(vi.consentDeclined);
  });

  return feature;
}
