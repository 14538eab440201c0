import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/** Marks claimed updates as handled (one statement for many), so a redelivery is a duplicate. */
export async function markUpdatesHandled({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: string; updateIds: number[] };
}): Promise<void> {
  if (input.updateIds.length === 0) return;
  await ctx.db.all(sql`
    UPDATE processed_updates SET handled_at = ${ctx.clock.now().getTime()}
    WHERE channel = ${input.channel} AND update_id IN (SELECT value FROM json_each(${JSON.stringify(input.updateIds)})) AND handled_at IS NULL
    RETURNING update_id`);
}
