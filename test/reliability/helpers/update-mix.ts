import { callbackUpdate, textUpdate } from '../../helpers/updates';
import { type Crowd, telegramIdBase } from './crowd';

export interface MixedUpdate {
  update: { update_id: number };
  chatId: number;
  /** The callback query id when the update is a tap (its answer must be sent exactly once). */
  queryId: string | null;
}

/** What the recording Bot API must have seen once every update of the mix was handled once. */
export interface ExpectedCalls {
  /** chat id → number of sendMessage calls. */
  sendMessage: Map<number, number>;
  editMessageText: Map<number, number>;
  editMessageReplyMarkup: Map<number, number>;
  deleteMyCommands: Map<number, number>;
  answerCallbackQuery: Set<string>;
}

export const mixSizes = { quiz: 150, attend: 150, excused: 50, linking: 100 } as const;
const doubleTaps = 50;
const strangers = { badCode: 50, plain: 100, help: 50 } as const;
const chattyQuizTakers = 50;

/**
 * The 1,000 updates of the duplicate-delivery scenario, built so that their outcome does not
 * depend on the order they are handled in (Telegram does not promise one across chats):
 * - 150 quiz takers tap two different options of their current question (two devices): 300
 * - 150 members tap "Tham dự" on the meeting notice, 50 of them twice: 200
 * - 50 members tap "Vắng có lý do" (the bot asks for the reason): 50
 * - 100 members open their invite deep link and consent: 200
 * - strangers: 50 `/start` with an unknown code, 100 plain messages, 50 `/help`: 200
 * - 50 quiz takers write a plain message: 50
 * Update ids ascend in list order (the "in order" delivery), groups interleaved.
 */
export function buildUpdateMix(crowd: Crowd, firstUpdateId: number) {
  const expected: ExpectedCalls = {
    sendMessage: new Map(),
    editMessageText: new Map(),
    editMessageReplyMarkup: new Map(),
    deleteMyCommands: new Map(),
    answerCallbackQuery: new Set(),
  };
  const bump = (m: Map<number, number>, chat: number) => m.set(chat, (m.get(chat) ?? 0) + 1);
  type Make = (updateId: number) => MixedUpdate;
  const tap =
    (chat: number, data: string): Make =>
    (id) => {
      expected.answerCallbackQuery.add(String(id));
      return { update: callbackUpdate(chat, data, id), chatId: chat, queryId: String(id) };
    };
  const text =
    (chat: number, body: string): Make =>
    (id) => {
      bump(expected.sendMessage, chat);
      return { update: textUpdate(chat, body, id), chatId: chat, queryId: null };
    };

  const queues: Make[][] = [];
  queues.push(
    crowd.quiz.flatMap((p, i) => {
      bump(expected.editMessageText, p.telegramId); // one feedback screen, whichever tap wins
      return [tap(p.telegramId, `qz:a:${p.attemptId}:0:${i % 3}`), tap(p.telegramId, `qz:a:${p.attemptId}:0:${(i + 1) % 3}`)];
    }),
  );
  queues.push(crowd.attend.flatMap((p, i) => Array.from({ length: i < doubleTaps ? 2 : 1 }, () => tap(p.telegramId, `mt:y:${crowd.meetingId}`))));
  queues.push(
    crowd.excused.map((p) => {
      bump(expected.sendMessage, p.telegramId); // "please type the reason"
      return tap(p.telegramId, `mt:n:${crowd.meetingId}`);
    }),
  );
  queues.push(
    crowd.linking.flatMap((p) => {
      // Consent: answer the tap, clear its buttons, greet, reset the chat's command menu.
      bump(expected.sendMessage, p.telegramId);
      bump(expected.editMessageReplyMarkup, p.telegramId);
      bump(expected.deleteMyCommands, p.telegramId);
      // The deep link gets the privacy notice, or (consent handled first) "already yours".
      return [text(p.telegramId, `/start ${p.code}`), tap(p.telegramId, `consent:yes:${p.code}`)];
    }),
  );
  let stranger = telegramIdBase.stranger;
  queues.push(Array.from({ length: strangers.badCode }, () => text(stranger++, '/start ZZZZZZZZZZ')));
  queues.push(Array.from({ length: strangers.plain }, () => text(stranger++, 'Xin chào, cho tôi hỏi lịch sinh hoạt chi bộ')));
  queues.push(Array.from({ length: strangers.help }, () => text(stranger++, '/help')));
  queues.push(crowd.quiz.slice(0, chattyQuizTakers).map((p) => text(p.telegramId, 'Tháng này chi bộ họp ngày nào ạ?')));

  // Round-robin across groups, each group keeping its own order (a deep link before its consent).
  const updates: MixedUpdate[] = [];
  let updateId = firstUpdateId;
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const make = q[round];
      if (make) updates.push(make(updateId++));
    }
  }
  return { updates, expected };
}
