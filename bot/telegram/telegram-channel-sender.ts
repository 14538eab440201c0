import { type Api, GrammyError, HttpError } from 'grammy';
import type { ChannelSender, SendResult } from '../../src/services/outbox/channel-sender';

/** The outbox's port over the Telegram Bot API: maps Telegram's answers to send results. */
export function createTelegramChannelSender(api: Api): ChannelSender {
  const classify = (error: unknown): SendResult => {
    if (error instanceof GrammyError) {
      if (error.error_code === 429) return { kind: 'rate_limited', retryAfterSeconds: error.parameters.retry_after ?? 1 };
      if (error.error_code === 403) return { kind: 'blocked', reason: error.description.slice(0, 120) };
      if (error.error_code >= 500) return { kind: 'transient', reason: `telegram ${error.error_code}` };
      return { kind: 'invalid', reason: error.description.slice(0, 120) };
    }
    if (error instanceof HttpError) {
      // A refused or unresolved connection never reached Telegram: safe to retry. Anything
      // else (timeout, reset) may have delivered the message: do not send it again.
      const code = (error.error as { code?: string } | undefined)?.code ?? '';
      return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
        ? { kind: 'transient', reason: `network ${code}` }
        : { kind: 'uncertain', reason: 'network' };
    }
    return { kind: 'transient', reason: error instanceof Error ? error.name : 'error' };
  };
  return {
    channel: 'telegram',
    async send({ chatId, text, keyboard }) {
      try {
        const message = await api.sendMessage(chatId, text, {
          reply_markup: keyboard ? { inline_keyboard: keyboard.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } : undefined,
        });
        return { kind: 'sent', messageId: String(message.message_id) };
      } catch (error) {
        return classify(error);
      }
    },
    async editText(chatId, messageId, text) {
      await api.editMessageText(chatId, Number(messageId), text);
    },
    async sendPlain(chatId, text) {
      const message = await api.sendMessage(chatId, text);
      return String(message.message_id);
    },
  };
}
