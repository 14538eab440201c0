import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { vi } from '../locales/vi';

/** Last in the chain: old buttons and messages no feature understood get a plain answer. */
export function unhandledFeature() {
  const feature = new Composer<BotContext>();
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: vi.staleButton, show_alert: true }));
  feature.chatType('private').on('message', (ctx) => ctx.reply(vi.notUnderstood));
  return feature;
}
