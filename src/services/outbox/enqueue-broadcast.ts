import { sql } from 'drizzle-orm';
import { broadcasts, type OutboxKeyboard, outboxMessages } from '../../db/schema';
import type { ServiceContext } from '../context';

export interface OutgoingMessage {
  memberId: number | null;
  channel: string;
  chatId: string;
  /** Unique per logical message (e.g. "meeting:12:notice:m:5"): enqueueing twice sends once. */
  dedupeKey: string;
  text: string;
  keyboard?: OutboxKeyboard | null;
}

/**
 * Channel choice: a member linked on several channels gets every proactive message on each of
 * them (they may read only one; the replies land on the same member rows either way). A dedupe
 * key therefore names the channel; Telegram keys keep their historical form, so rows queued
 * before Zalo existed still deduplicate.
 */
export const perChannelKey = (key: string, channel: string) => (channel === 'telegram' ? key : `${key}:${channel}`);

/**
 * Records a broadcast and one outbox row per recipient in one batch and returns
 * at once; the outbox sender delivers them within the channel's limits.
 */
export async function enqueueBroadcast({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    kind: string;
    title: string;
    createdByMemberId?: number | null;
    progress?: { channel: string; chatId: string; messageId?: string | null } | null;
    notLinked?: number;
    messages: OutgoingMessage[];
  };
}): Promise<{ broadcastId: number; queued: number }> {
  const now = ctx.clock.now();
  const [inserted] = await ctx.db.batch([
    ctx.db
      .insert(broadcasts)
      .values({
        kind: input.kind,
        title: input.title,
        createdByMemberId: input.createdByMemberId ?? null,
        progressChannel: input.progress?.channel ?? null,
        progressChatId: input.progress?.chatId ?? null,
        progressMessageId: input.progress?.messageId ?? null,
        total: input.messages.length,
        notLinked: input.notLinked ?? 0,
        createdAt: now,
      })
      .returning({ id: broadcasts.id }),
  ]);
  const broadcastId = inserted[0]!.id;
  // Chunks keep each statement's parameter count well inside SQLite's limit.
  const chunks: OutgoingMessage[][] = [];
  for (let i = 0; i < input.messages.length; i += 200) chunks.push(input.messages.slice(i, i + 200));
  let queued = 0;
  const statements = chunks.map((chunk) =>
    ctx.db
      .insert(outboxMessages)
      .values(
        chunk.map((m) => ({
          broadcastId,
          dedupeKey: m.dedupeKey,
          channel: m.channel,
          memberId: m.memberId,
          chatId: m.chatId,
          text: m.text,
          keyboard: m.keyboard ?? null,
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: outboxMessages.id }),
  );
  if (statements.length > 0) {
    const results = await ctx.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
    queued = results.reduce((n, r) => n + r.length, 0);
  }
  // Rows already queued by an earlier identical request belong to that broadcast.
  await ctx.db.run(sql`UPDATE broadcasts SET total = ${queued} WHERE id = ${broadcastId}`);
  return { broadcastId, queued };
}
