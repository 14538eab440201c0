import type { OutboxKeyboard } from '../../src/db/schema';
import type { ChannelSender, SendResult } from '../../src/services/outbox/channel-sender';

/** An in-process channel that records sends and answers from a script (default: sent). */
export function createFakeChannel(script: (chatId: string, attempt: number) => SendResult | Promise<SendResult> = () => ({ kind: 'sent', messageId: '1' })) {
  const sent: { chatId: string; text: string; keyboard: OutboxKeyboard | null }[] = [];
  const attempts = new Map<string, number>();
  const edits: { chatId: string; messageId: string; text: string }[] = [];
  let nextId = 100;
  const channel: ChannelSender = {
    channel: 'telegram',
    async send(message) {
      const n = (attempts.get(message.chatId) ?? 0) + 1;
      attempts.set(message.chatId, n);
      const result = await script(message.chatId, n);
      if (result.kind === 'sent') sent.push(message);
      return result.kind === 'sent' ? { kind: 'sent', messageId: String(nextId++) } : result;
    },
    async editText(chatId, messageId, text) {
      edits.push({ chatId, messageId, text });
    },
    async sendPlain(chatId, text) {
      edits.push({ chatId, messageId: 'new', text });
      return String(nextId++);
    },
  };
  return { channel, sent, edits, attempts };
}
