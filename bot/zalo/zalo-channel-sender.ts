import type { OutboxKeyboard } from '../../src/db/schema';
import type { Services } from '../../src/services';
import type { ChannelSender, SendResult } from '../../src/services/outbox/channel-sender';
import { answerPattern } from '../telegram/callback-data';
import { type ZaloClient, ZaloApiError, ZaloNetworkError } from './client';
import { channel, noticeChoicesTtlMs, promptKinds, withChoices } from './turn';
import { splitForZalo } from './text';

/** Zalo's refusals as outbox results (error codes assumed Telegram-like; Zalo documents none). */
function classify(error: unknown): SendResult {
  if (error instanceof ZaloApiError) {
    const code = error.errorCode ?? error.status;
    if (code === 429 || error.status === 429) return { kind: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds ?? 5 };
    if (code === 403) return { kind: 'blocked', reason: error.description };
    if (error.status >= 500 || code >= 500) return { kind: 'transient', reason: `zalo ${error.status}` };
    return { kind: 'invalid', reason: error.description || `zalo ${code}` };
  }
  if (error instanceof ZaloNetworkError) return error.notSent ? { kind: 'transient', reason: 'network refused' } : { kind: 'uncertain', reason: 'network' };
  return { kind: 'transient', reason: error instanceof Error ? error.name : 'error' };
}

/** How long a notice with numbers waits, each time, for a member in the middle of a quiz. */
const busyRetrySeconds = 120;

/** Whether the member's open numbered prompt is a quiz question or a contest's prediction. */
function answeringQuiz(prompt: { kind: string; data: Record<string, unknown> } | null): boolean {
  if (!prompt) return false;
  if (prompt.kind === promptKinds.quizMulti || prompt.kind === promptKinds.prediction) return true;
  const actions = prompt.data.actions;
  return prompt.kind === promptKinds.choices && Array.isArray(actions) && actions.some((a) => typeof a === 'string' && answerPattern.test(a));
}

/** Buttons, which Zalo lacks, become numbered lines; the numbers' actions are the buttons' callback data. */
const flatten = (keyboard: OutboxKeyboard | null) => (keyboard ?? []).flat();

/**
 * The outbox's port over Zalo. A message with a keyboard is sent as numbered choices, and the
 * mapping number → action is stored as the member's chat prompt (in the database), so the
 * reply "1" does what the first button does on Telegram. The outbox chat id on Zalo is the
 * user id (private chats), which is also the prompt's key.
 */
export function createZaloChannelSender(deps: { client: ZaloClient; services: Services }): ChannelSender {
  return {
    channel,
    async send({ chatId, text, keyboard }) {
      const buttons = flatten(keyboard);
      // One list of numbers per member: a notice's numbers would take over the quiz question's,
      // and the member's "1" for the quiz would become a meeting reply. The notice waits instead.
      if (buttons.length > 0 && answeringQuiz(await deps.services.getChatPrompt({ channel, externalId: chatId }, 'outbox'))) {
        return { kind: 'deferred', retryAfterSeconds: busyRetrySeconds, reason: 'member answering a quiz' };
      }
      const body = buttons.length > 0 ? withChoices(text, buttons.map((b) => b.text)) : text;
      const parts = splitForZalo(body);
      let first: { messageId: string };
      try {
        first = await deps.client.sendMessage(chatId, parts[0] ?? '');
      } catch (error) {
        return classify(error);
      }
      try {
        // Stored once the message is out (a refused send leaves the member's open prompt alone).
        if (buttons.length > 0) {
          await deps.services.setChatPrompt(
            { channel, externalId: chatId, kind: promptKinds.choices, data: { actions: buttons.map((b) => b.data) }, ttlMs: noticeChoicesTtlMs },
            'outbox',
          );
        }
        for (const part of parts.slice(1)) await deps.client.sendMessage(chatId, part);
      } catch {
        // The first part reached the member: retrying would send it twice.
        return { kind: 'uncertain', reason: 'partly sent' };
      }
      return { kind: 'sent', messageId: first.messageId };
    },
    // Zalo cannot edit a sent message: each progress update would arrive as a new message. Broadcasts
    // are started from Telegram today, so their progress never goes through here.
    async editText(chatId, _messageId, text) {
      await deps.client.sendMessage(chatId, text);
    },
    async sendPlain(chatId, text) {
      const { messageId } = await deps.client.sendMessage(chatId, text);
      return messageId;
    },
  };
}
