import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { sha256Hex } from '../tokens';

/** Ends a session (sign out). */
export async function endDashboardSession({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string } }) {
  await ctx.db.run(sql`DELETE FROM dashboard_sessions WHERE id_hash = ${await sha256Hex(input.sessionId)}`);
}
