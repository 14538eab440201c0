import { Composer, InlineKeyboard } from 'grammy';
import { ServiceError } from '../../../src/services/errors';
import { formatDateTime } from '../../../src/time';
import { clearButtons } from '../clear-buttons';
import { callbackData } from '../callback-data';
import { setChatCommands } from '../commands';
import type { BotContext } from '../context';
import { roleNames, statusNames, vi } from '../locales/vi';

/** /toi: what is stored about the link, and the way to delete it. */
export function meFeature() {
  const feature = new Composer<BotContext>();

  feature.command('toi', async (ctx) => {
    const m = ctx.member;
    if (!m) throw new ServiceError('not_linked');
    await ctx.reply(
      vi.me({
        name: m.fullName,
        unit: m.unitName,
        role: roleNames[m.role],
        status: statusNames[m.status],
        since: formatDateTime(m.linkedAt),
      }),
      { reply_markup: new InlineKeyboard().text(vi.unlinkButton, callbackData.unlinkAsk) },
    );
  });

  feature.callbackQuery(callbackData.unlinkAsk, async (ctx) => {
    if (!ctx.member) throw new ServiceError('not_linked');
    await ctx.answerCallbackQuery();
    await ctx.reply(vi.unlinkConfirm, {
      reply_markup: new InlineKeyboard()
        .text(vi.unlinkYes, callbackData.unlinkYes)
        .text(vi.unlinkNo, callbackData.unlinkNo),
    });
  });

  feature.callbackQuery(callbackData.unlinkYes, async (ctx) => {
    // Throws not_linked for a second tap or an old button: nothing changes.
    await ctx.services.unlinkAccount({ channel: 'telegram', externalId: String(ctx.from.id) }, ctx.actor);
    await ctx.answerCallbackQuery({ text: vi.done });
    await clearButtons(ctx);
    await ctx.reply(vi.unlinked);
    await setChatCommands(ctx.api, ctx.chat?.id ?? ctx.from.id, null).catch(() => undefined);
  });

  feature.callbackQuery(callbackData.unlinkNo, async (ctx) => {
    await ctx.answerCallbackQuery();
    await clearButtons(ctx);
    await ctx.reply(vi.unlinkKept);
  });

  return feature;
}
