import type { BotContext } from './context';

/**
 * Removes the inline keyboard under the tapped message so it cannot be tapped
 * again. Best effort: the message may be too old, already edited, or unknown.
 */
export async function clearButtons(ctx: BotContext): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup();
  } catch {
    // Nothing to clear; the tap itself was handled.
  }
}
