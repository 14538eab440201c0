import { z } from 'zod';

/**
 * The update shapes of the Zalo Bot Platform. Documented: `event_name` (message.text.received,
 * message.image.received, message.sticker.received, message.unsupported.received) and `message`
 * with `message_id`, `from.id`, `chat.id`, `chat.chat_type` (PRIVATE/GROUP), `date`, `text`.
 * Assumed (seen in SDKs, not in the docs): webhooks may wrap the update as `{ ok, result }`,
 * ids may arrive as strings or numbers, and there is no update id.
 */
const id = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String);

export const zaloMessageShape = z.looseObject({
  message_id: id.optional(),
  from: z.looseObject({ id, display_name: z.string().max(200).optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id, chat_type: z.string().max(20).optional() }),
  date: z.number().optional(),
  text: z.string().optional(),
});

export const zaloUpdateShape = z.looseObject({
  event_name: z.string().min(1).max(100),
  message: zaloMessageShape.optional(),
});

export type ZaloUpdate = z.infer<typeof zaloUpdateShape>;
export type ZaloMessage = z.infer<typeof zaloMessageShape>;

/** Accepts a bare update or one wrapped in `{ ok, result }`; null when neither fits. */
export function parseZaloUpdate(body: unknown): ZaloUpdate | null {
  const inner = body !== null && typeof body === 'object' && 'result' in body ? (body as { result: unknown }).result : body;
  const parsed = zaloUpdateShape.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

/** getUpdates answers one update, an array of them, or nothing. */
export function parseZaloUpdates(result: unknown): ZaloUpdate[] {
  const items = Array.isArray(result) ? result : result ? [result] : [];
  return items.flatMap((item) => {
    const u = parseZaloUpdate(item);
    return u ? [u] : [];
  });
}

/** 53-bit FNV-1a style hash (two 32-bit lanes), stable across processes and runtimes. */
function hash53(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h2 >>> 11) * 0x100000000 + (h1 >>> 0);
}

/**
 * Zalo updates carry no update id: the dedupe key is derived from the message id (unique per
 * message), or, when that is missing, from sender, time and text, so a redelivery of the same
 * update maps to the same number and is claimed once.
 */
export function deriveUpdateId(update: ZaloUpdate): number {
  const m = update.message;
  const key = m?.message_id ? `m:${m.message_id}` : `x:${update.event_name}:${m?.from.id ?? ''}:${m?.date ?? ''}:${m?.text ?? ''}`;
  return hash53(key);
}
