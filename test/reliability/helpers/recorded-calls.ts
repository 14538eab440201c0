import type { RecordedCall } from '../../helpers/recording-bot-api';

/** The chat a recorded Bot API call was addressed to (null for answerCallbackQuery, getMe …). */
export function chatOf(call: RecordedCall): number | null {
  const body = call.body as { chat_id?: unknown; scope?: { chat_id?: unknown } };
  const chat = body.chat_id ?? body.scope?.chat_id;
  return chat === undefined ? null : Number(chat);
}

/** chat id → number of calls of `method`. */
export function perChat(calls: readonly RecordedCall[], method: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of calls) {
    if (c.method !== method) continue;
    const chat = chatOf(c);
    if (chat !== null) out.set(chat, (out.get(chat) ?? 0) + 1);
  }
  return out;
}

/** Maps compared as sorted entry lists, so a failure shows which chats differ. */
export const entries = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);

/** callback_query_id → how many times it was answered. */
export function answersPerQuery(calls: readonly RecordedCall[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    if (c.method !== 'answerCallbackQuery') continue;
    const id = String(c.body.callback_query_id);
    out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}
