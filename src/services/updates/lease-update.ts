import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/**
 * How long a claim on an update stays with the process that took it. Longer than a webhook
 * request may run before it is answered (10 s, src/http/telegram-webhook.ts), so a live
 * handler is never doubled; a claim still unhandled after that belongs to a process that died
 * mid-update, and the channel's redelivery takes it over.
 */
export const updateLeaseMs = 30_000;

/**
 * - `claimed`: handle the update now, then markUpdatesHandled.
 * - `handled`: a redelivery of an update already handled: acknowledge it and do nothing.
 * - `in_progress`: another claim holds the lease: do not acknowledge, so the channel
 *   delivers it again later (by then it is handled, or the lease has run out).
 */
export type LeaseOutcome = 'claimed' | 'handled' | 'in_progress';

/**
 * Claims an incoming update for handling: a new claim, or one whose holder died before
 * marking it handled and whose lease has run out. One statement on the usual path.
 */
export async function leaseUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: string; updateId: number };
}): Promise<LeaseOutcome> {
  const now = ctx.clock.now().getTime();
  const claimed = await ctx.db.all<{ update_id: number }>(sql`
    INSERT INTO processed_updates (channel, update_id, processed_at) VALUES (${input.channel}, ${input.updateId}, ${now})
    ON CONFLICT (channel, update_id) DO UPDATE SET processed_at = excluded.processed_at
      WHERE handled_at IS NULL AND processed_at <= ${now - updateLeaseMs}
    RETURNING update_id`);
  if (claimed.length > 0) return 'claimed';
  const [held] = await ctx.db.all<{ handled_at: number | null }>(sql`
    SELECT handled_at FROM processed_updates WHERE channel = ${input.channel} AND update_id = ${input.updateId}`);
  // Gone since the insert (released by a failed handler): the next delivery claims it.
  return held && held.handled_at !== null ? 'handled' : 'in_progress';
}
