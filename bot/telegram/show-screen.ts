import { GrammyError, type InlineKeyboard } from 'grammy';
import type { BotContext } from './context';

/**
 * Shows a screen: edits the tapped message in place (keeps the chat short for
 * members reading on phones), or sends a new message for a command or when the
 * old message can no longer be edited.
 */
export async function showScreen(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(text, { reply_markup: keyboard });
      return;
    } catch (error) {
      if (error instanceof GrammyError && error.description.includes('message is not modified')) return;
    }
  }
  await ctx.reply(text, { reply_markup: keyboard });
}

/** Splits long text into Telegram-sized messages at paragraph, then line, boundaries. */
export function splitMessage(text: string, max = 3900): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? (line.match(new RegExp(`[\\s\\S]{1,${max}}(?=\\s|$)|[\\s\\S]{1,${max}}`, 'g')) ?? [line]) : [line];
    for (const piece of pieces) {
      if (current && current.length + piece.length + 1 > max) {
        parts.push(current);
        current = piece;
      } else current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}
