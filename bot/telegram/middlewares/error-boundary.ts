import type { NextFunction } from 'grammy';
import { isServiceError } from '../../../src/services/errors';
import type { BotContext } from '../context';
import { errorMessages } from '../locales/vi';

/**
 * Maps typed service errors to a clear Vietnamese answer and logs anything
 * unexpected by update id and error name only (no message text, no user data).
 */
export async function errorBoundary(ctx: BotContext, next: NextFunction): Promise<void> {
  try {
    await next();
  } catch (error) {
    const text = isServiceError(error) ? errorMessages[error.code] : errorMessages.generic;
    if (!isServiceError(error)) {
      ctx.logger.error('telegram handler failed', { updateId: ctx.update.update_id, error: error instanceof Error ? error.name : typeof error });
    }
    try {
      if (ctx.callbackQuery) {
        // A handler may have answered the tap already; then the answer goes into the chat.
        const answered = await ctx.answerCallbackQuery({ text, show_alert: true }).then(() => true, () => false);
        if (!answered && ctx.chat) await ctx.reply(text);
      } else if (ctx.chat) await ctx.reply(text);
    } catch {
      // The answer itself failed (chat gone, API down): nothing more to tell the user.
    }
  }
}
