import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * Assigns a committee member of a unit above to attend and guide this unit's meetings:
 * they are invited to every meeting created from now on.
 */
export async function assignGuide({ ctx, input }: { ctx: ServiceContext; input: { unitCode: string; memberCode: string } }): Promise<void> {
  const [row] = await ctx.db.all<{ unit_id: number; member_id: number; above: number; role: string }>(sql`
    SELECT u.id AS unit_id, m.id AS member_id, u.path LIKE mu.path || '%' AND u.id <> mu.id AS above, m.role
    FROM units u, members m JOIN units mu ON mu.id = m.unit_id WHERE u.code = ${input.unitCode} AND m.code = ${input.memberCode}`);
  if (!row) throw new ServiceError('not_found', 'unit or member not found', { unit: input.unitCode, member: input.memberCode });
  if (!row.above || row.role === 'member') throw new ServiceError('invalid_input', 'the guide must be a committee member of a unit above', { reason: 'guide_not_above' });
  await ctx.db.run(sql`
    INSERT INTO unit_guides (unit_id, member_id, assigned_at) VALUES (${row.unit_id}, ${row.member_id}, ${ctx.clock.now().getTime()})
    ON CONFLICT DO NOTHING`);
}
