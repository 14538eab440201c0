import { sql } from 'drizzle-orm';
import { processedUpdates } from '../../db/schema';
import type { ServiceContext } from '../context';

/**
 * Records that a slot (a cron job's run) is taken. Returns false when it was taken
 * before (one atomic insert). Incoming chat updates use leaseUpdate instead, so an
 * update whose handler died with its process is handled on redelivery.
 */
export async function claimUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: string; updateId: number };
}): Promise<boolean> {
  const rows = await ctx.db
    .insert(processedUpdates)
    .values({ channel: input.channel, updateId: input.updateId, processedAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning({ updateId: processedUpdates.updateId });
  return rows.length > 0;
}

/** Forgets claims older than `days` (update ids are never reused within that window). */
export async function pruneProcessedUpdates({ ctx, input }: { ctx: ServiceContext; input: { days: number } }) {
  const cutoff = ctx.clock.now().getTime() - input.days * 86_400_000;
  await ctx.db.run(sql`DELETE FROM processed_updates WHERE processed_at < ${cutoff}`);
}

/** Gives a claim back when handling crashed, so the channel's redelivery is processed. */
export async function releaseUpdate({ ctx, input }: { ctx: ServiceContext; input: { channel: string; updateId: number } }) {
  await ctx.db.run(sql`DELETE FROM processed_updates WHERE channel = ${input.channel} AND update_id = ${input.updateId}`);
}
