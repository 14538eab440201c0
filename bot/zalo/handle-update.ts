import { isServiceError } from '../../src/services/errors';
import { runAction, strangerActions } from './actions';
import { ZaloApiError, ZaloNetworkError } from './client';
import { reasonWaitMs, saveAbsenceReason, saveFeedbackComment } from './features/meetings';
import { looksLikeInviteCode, offerConsent } from './features/linking';
import { showMenu } from './features/menu';
import { answerMultiple, submitPrediction } from './features/quizzes';
import { errorMessages, zalo } from './locales/vi';
import { channel, createTurn, promptKinds, type Turn, type ZaloDeps } from './turn';
import { typedNumber, typedNumbers } from './text';
import type { ZaloUpdate } from './update';

const menuWords = new Set(['0', 'menu', 'help', '/help', '/start', 'start', 'trợ giúp', 'tro giup', 'bắt đầu']);

/** A typed number answers the open numbered prompt; out of range or expired changes nothing. */
async function answerChoice(turn: Turn, prompt: { kind: string; data: Record<string, unknown> } | null, choice: number) {
  const actions = prompt?.kind === promptKinds.choices && Array.isArray(prompt.data.actions) ? (prompt.data.actions as string[]) : null;
  if (!actions) return turn.reply(turn.member ? zalo.promptExpired : zalo.welcomeStranger);
  const action = actions[choice - 1];
  if (!action) return turn.reply(zalo.outOfRange(actions.length));
  if (!turn.member && !strangerActions.some((p) => p.test(action))) return turn.reply(zalo.welcomeStranger);
  turn.answered = actions;
  await runAction(turn, action);
}

async function handleText(turn: Turn, raw: string) {
  const text = raw.normalize('NFC').trim();
  const prompt = await turn.services.getChatPrompt({ channel, externalId: turn.externalId }, turn.actor);
  const choice = typedNumber(text);
  if (!turn.member) {
    if (choice !== null) return answerChoice(turn, prompt, choice);
    if (looksLikeInviteCode(text)) return offerConsent(turn, text);
    return turn.reply(zalo.welcomeStranger);
  }
  if (menuWords.has(text.toLowerCase())) return showMenu(turn);
  // Typed answers the bot asked for, read from the stored prompt.
  switch (prompt?.kind) {
    case promptKinds.meetingReason: {
      // A bare number, or any text once the question has gone stale, answers the notice again.
      const notice = { kind: promptKinds.choices, data: { actions: prompt.data.notice } };
      const fresh = turn.services.now().getTime() - Number(prompt.data.askedAt) < reasonWaitMs;
      if (choice !== null) return answerChoice(turn, notice, choice);
      if (fresh) return saveAbsenceReason(turn, prompt.data, text);
      return turn.reply(zalo.notUnderstood);
    }
    case promptKinds.feedbackComment:
      if (choice === null) return saveFeedbackComment(turn, Number(prompt.data.meetingId), text);
      break;
    case promptKinds.quizMulti:
      return answerMultiple(turn, prompt.data, typedNumbers(text));
    case promptKinds.prediction:
      return submitPrediction(turn, text);
  }
  if (choice !== null) return answerChoice(turn, prompt, choice);
  await turn.reply(zalo.notUnderstood);
}

/**
 * Handles one update: private text messages are read; other message kinds get a short
 * answer; group chats and unknown events are ignored. Service errors become a clear
 * Vietnamese answer; anything else is logged by name (never text or ids of people) and answered generically.
 */
export async function handleZaloUpdate(deps: ZaloDeps, update: ZaloUpdate): Promise<void> {
  const m = update.message;
  if (!m || !update.event_name.startsWith('message.')) return;
  if (m.from.is_bot || (m.chat.chat_type !== undefined && m.chat.chat_type.toUpperCase() !== 'PRIVATE')) return;
  const member = await deps.services.getLinkedMember({ channel, externalId: m.from.id }, 'zalo:webhook');
  const turn = createTurn(deps, { externalId: m.from.id, chatId: m.chat.id, member });
  try {
    if (update.event_name !== 'message.text.received' || typeof m.text !== 'string') await turn.reply(zalo.textOnly);
    else await handleText(turn, m.text.slice(0, 4000));
  } catch (error) {
    // Zalo itself failing: answering would fail too. The message is not handled again: what it
    // did is written, and its numbers, read again against the next prompt, would answer the
    // wrong question. The member sees no answer and sends 0 for the menu.
    if (error instanceof ZaloApiError || error instanceof ZaloNetworkError) {
      deps.logger.warn('zalo: the answer could not be sent', { event: update.event_name, error: error.name });
      return;
    }
    if (!isServiceError(error)) deps.logger.error('zalo handler failed', { event: update.event_name, error: error instanceof Error ? error.name : typeof error });
    await turn.reply(isServiceError(error) ? errorMessages[error.code] : errorMessages.generic);
  }
}
