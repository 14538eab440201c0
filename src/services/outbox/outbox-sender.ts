import { sql } from 'drizzle-orm';
import type { OutboxKeyboard } from '../../db/schema';
import { type BroadcastCounts, outboxTexts } from '../../locales/vi-outbox';
import type { Logger } from '../../logger';
import type { ServiceContext } from '../context';
import type { ChannelSender, OutboxLimits, SendResult } from './channel-sender';

interface DueRow {
  id: number;
  broadcast_id: number | null;
  chat_id: string;
  text: string;
  keyboard: string | null;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const progressEveryMs = 2000;

/**
 * Drains the outbox of one channel within its limits. Each row is claimed by a
 * conditional update just before its request, so two senders never send one row,
 * and a crash can leave at most the requests in flight in doubt ("uncertain", never resent).
 */
export function createOutboxSender(deps: {
  ctx: ServiceContext;
  sender: ChannelSender;
  limits: OutboxLimits;
  logger: Logger;
  /**
   * Senders of the other channels, by channel name: a broadcast goes to every channel a member
   * linked, and its progress message lives on the starter's channel, so the drain that finishes
   * a broadcast may have to report through another channel's sender.
   */
  progressSenders?: Record<string, ChannelSender>;
}) {
  const { ctx, sender, limits, logger } = deps;
  const progressSender = (channel: string | null) => (channel === null || channel === sender.channel ? sender : deps.progressSenders?.[channel]);
  // Pacing runs on real time: the limits are the channel's, not the business clock's.
  const interval = 1000 / (limits.globalPerSecond * 0.97);
  let nextSlot = 0;
  let pausedUntil = 0;
  const lastSentToChat = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  async function waitForSlot() {
    const now = performance.now();
    const at = Math.max(now, nextSlot, pausedUntil);
    nextSlot = at + interval;
    await sleep(at - now);
  }

  const chatGap = (chatId: string) => (chatId.startsWith('-') ? limits.groupIntervalMs : limits.perChatIntervalMs);

  async function record(row: DueRow, result: SendResult) {
    const now = ctx.clock.now().getTime();
    switch (result.kind) {
      case 'sent':
        await ctx.db.run(sql`UPDATE outbox_messages SET status = 'sent', sent_at = ${now}, external_message_id = ${result.messageId}, last_error = NULL WHERE id = ${row.id}`);
        return;
      case 'rate_limited': {
        // The channel asked everyone to wait: pause the whole sender, give the attempt back.
        pausedUntil = Math.max(pausedUntil, performance.now() + result.retryAfterSeconds * 1000);
        await ctx.db.run(sql`
          UPDATE outbox_messages SET status = 'pending', attempts = attempts - 1, claimed_at = NULL,
            next_attempt_at = ${now + result.retryAfterSeconds * 1000}, last_error = 'rate_limited' WHERE id = ${row.id}`);
        logger.warn('outbox: rate limited by the channel', { retryAfter: result.retryAfterSeconds });
        return;
      }
      case 'deferred':
        // This one message waits (the rest of the outbox goes on): give the attempt back.
        await ctx.db.run(sql`
          UPDATE outbox_messages SET status = 'pending', attempts = attempts - 1, claimed_at = NULL,
            next_attempt_at = ${now + result.retryAfterSeconds * 1000}, last_error = ${result.reason} WHERE id = ${row.id}`);
        return;
      case 'blocked':
        await ctx.db.batch([
          ctx.db.run(sql`UPDATE outbox_messages SET status = 'blocked', last_error = ${result.reason} WHERE id = ${row.id}`),
          ctx.db.run(sql`UPDATE channel_accounts SET blocked_at = ${now} WHERE channel = ${sender.channel} AND chat_id = ${row.chat_id}`),
        ]);
        return;
      case 'invalid':
        await ctx.db.run(sql`UPDATE outbox_messages SET status = 'failed', last_error = ${result.reason} WHERE id = ${row.id}`);
        return;
      case 'uncertain':
        await ctx.db.run(sql`UPDATE outbox_messages SET status = 'uncertain', last_error = ${result.reason} WHERE id = ${row.id}`);
        return;
      case 'transient': {
        const attempts = row.attempts + 1;
        if (attempts >= limits.maxAttempts) {
          await ctx.db.run(sql`UPDATE outbox_messages SET status = 'failed', last_error = ${result.reason} WHERE id = ${row.id}`);
          return;
        }
        const backoff = Math.min(1000 * 2 ** attempts, 300_000);
        await ctx.db.run(sql`
          UPDATE outbox_messages SET status = 'pending', claimed_at = NULL, next_attempt_at = ${now + backoff}, last_error = ${result.reason}
          WHERE id = ${row.id}`);
      }
    }
  }

  async function sendOne(row: DueRow) {
    let result: SendResult;
    try {
      result = await sender.send({ chatId: row.chat_id, text: row.text, keyboard: row.keyboard ? (JSON.parse(row.keyboard) as OutboxKeyboard) : null });
    } catch (error) {
      result = { kind: 'transient', reason: error instanceof Error ? error.name : 'error' };
    }
    await record(row, result);
  }

  /** Rows a dead sender left claimed: the request may or may not have reached the member. */
  async function recoverInterrupted(): Promise<number> {
    const cutoff = ctx.clock.now().getTime() - limits.staleClaimMs;
    const rows = await ctx.db.all<{ broadcast_id: number | null }>(sql`
      UPDATE outbox_messages SET status = 'uncertain', last_error = 'sender stopped while sending'
      WHERE channel = ${sender.channel} AND status = 'sending' AND claimed_at < ${cutoff}
      RETURNING broadcast_id`);
    if (rows.length > 0) logger.warn('outbox: messages left in doubt by an interrupted sender', { count: rows.length });
    // These rows may have been the last open ones of their broadcast, and no drain will touch
    // it again: report from here, or the starter never gets the final report after a crash.
    for (const id of new Set(rows.flatMap((r) => (r.broadcast_id === null ? [] : [Number(r.broadcast_id)])))) await updateProgress(id, true);
    return rows.length;
  }

  async function broadcastCounts(
    broadcastId: number,
  ): Promise<BroadcastCounts & { channel: string | null; chatId: string | null; messageId: string | null; progressAt: number | null; reportedAt: number | null }> {
    const [b] = await ctx.db.all<{ title: string; total: number; not_linked: number; progress_channel: string | null; progress_chat_id: string | null; progress_message_id: string | null; progress_at: number | null; reported_at: number | null }>(sql`
      SELECT title, total, not_linked, progress_channel, progress_chat_id, progress_message_id, progress_at, reported_at FROM broadcasts WHERE id = ${broadcastId}`);
    const byStatus = await ctx.db.all<{ status: string; n: number }>(sql`
      SELECT status, count(*) AS n FROM outbox_messages WHERE broadcast_id = ${broadcastId} GROUP BY status`);
    const errors = await ctx.db.all<{ reason: string; count: number }>(sql`
      SELECT coalesce(last_error, '?') AS reason, count(*) AS count FROM outbox_messages
      WHERE broadcast_id = ${broadcastId} AND status = 'failed' GROUP BY last_error ORDER BY count DESC`);
    const count = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
    return {
      title: b!.title,
      total: b!.total,
      sent: count('sent'),
      failed: count('failed'),
      blocked: count('blocked'),
      uncertain: count('uncertain'),
      pending: count('pending') + count('sending'),
      notLinked: b!.not_linked,
      errors: errors.map((e) => ({ reason: e.reason, count: Number(e.count) })),
      channel: b!.progress_channel,
      chatId: b!.progress_chat_id,
      messageId: b!.progress_message_id,
      progressAt: b!.progress_at === null ? null : Number(b!.progress_at),
      reportedAt: b!.reported_at === null ? null : Number(b!.reported_at),
    };
  }

  /** Edits the starter's progress message, and turns it into the final report exactly once. */
  async function updateProgress(broadcastId: number, force = false) {
    const c = await broadcastCounts(broadcastId);
    const via = progressSender(c.channel);
    if (c.reportedAt !== null || !c.chatId || !via) return;
    const now = ctx.clock.now().getTime();
    const done = c.pending === 0;
    if (done) {
      const claimed = await ctx.db.run(sql`UPDATE broadcasts SET reported_at = ${now} WHERE id = ${broadcastId} AND reported_at IS NULL`);
      if (claimed.rowsAffected === 0) return;
    } else if (!force && c.progressAt !== null && now - c.progressAt < progressEveryMs) return;
    else await ctx.db.run(sql`UPDATE broadcasts SET progress_at = ${now} WHERE id = ${broadcastId}`);
    const text = done ? outboxTexts.report(c) : outboxTexts.progress(c);
    try {
      if (c.messageId) await via.editText(c.chatId, c.messageId, text);
      else {
        const id = await via.sendPlain(c.chatId, text);
        if (id) await ctx.db.run(sql`UPDATE broadcasts SET progress_message_id = ${id} WHERE id = ${broadcastId}`);
      }
    } catch (error) {
      logger.warn('outbox: progress message not updated', { broadcastId, error: error instanceof Error ? error.name : 'error' });
    }
  }

  /**
   * Sends what is due, then returns: until nothing is due, `maxMessages` were
   * claimed, or `deadline` (ms, real time) passed. Workers call this per trigger.
   */
  async function drain(options: { maxMessages?: number; deadline?: number } = {}) {
    const touched = new Set<number>();
    let claimedCount = 0;
    const budgetLeft = () => (options.maxMessages === undefined || claimedCount < options.maxMessages) && (options.deadline === undefined || performance.now() < options.deadline);
    for (;;) {
      if (stopped || !budgetLeft()) break;
      const due = await ctx.db.all<DueRow>(sql`
        SELECT id, broadcast_id, chat_id, text, keyboard, attempts FROM outbox_messages
        WHERE channel = ${sender.channel} AND status = 'pending' AND next_attempt_at <= ${ctx.clock.now().getTime()}
        ORDER BY next_attempt_at, id LIMIT 500`);
      if (due.length === 0) break;
      let progressed = false;
      for (const row of due) {
        if (stopped || !budgetLeft()) break;
        const last = lastSentToChat.get(row.chat_id);
        if (last !== undefined && performance.now() - last < chatGap(row.chat_id)) continue; // next round
        while (inFlight.size >= limits.maxInFlight) await Promise.race(inFlight);
        await waitForSlot();
        const claim = await ctx.db.run(sql`
          UPDATE outbox_messages SET status = 'sending', claimed_at = ${ctx.clock.now().getTime()}, attempts = attempts + 1
          WHERE id = ${row.id} AND status = 'pending'`);
        if (claim.rowsAffected === 0) continue; // another sender has it
        claimedCount++;
        progressed = true;
        lastSentToChat.set(row.chat_id, performance.now());
        if (row.broadcast_id !== null) touched.add(row.broadcast_id);
        const p = sendOne(row).finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (row.broadcast_id !== null && claimedCount % 50 === 0) void updateProgress(row.broadcast_id);
      }
      if (!progressed) {
        // Everything due is waiting for its chat's gap: wait for the nearest one.
        await Promise.race([sleep(Math.min(limits.perChatIntervalMs, 250)), ...inFlight]);
      }
    }
    await Promise.all(inFlight);
    for (const id of touched) await updateProgress(id, true);
    return { claimed: claimedCount };
  }

  return {
    drain,
    recoverInterrupted,
    updateProgress,
    broadcastCounts,
    stop() {
      stopped = true;
    },
    /** Long-running loop for Node: drain, then look again every `idleMs`. */
    async run(idleMs = 500) {
      while (!stopped) {
        await recoverInterrupted();
        const { claimed } = await drain();
        if (claimed === 0) await sleep(idleMs);
      }
      await Promise.all(inFlight);
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
