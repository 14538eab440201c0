import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** Whether the unit's post-meeting feedback is shown without names (applies to meetings created afterwards). */
export async function setAnonymousFeedback({ ctx, input }: { ctx: ServiceContext; input: { unitCode: string; anonymous: boolean } }): Promise<void> {
  const result = await ctx.db.run(sql`UPDATE units SET anonymous_feedback = ${input.anonymous ? 1 : 0} WHERE code = ${input.unitCode}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'unit not found', { unit: input.unitCode });
}
