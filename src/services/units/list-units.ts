import { sql } from 'drizzle-orm';
import type { UnitKind, UnitType } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export interface UnitListing {
  code: string;
  name: string;
  parentCode: string | null;
  kind: UnitKind;
  type: UnitType | null;
  depth: number;
  members: number;
  linked: number;
}

/** Every unit in tree order, with its own member count and how many are linked to a chat account. */
export async function listUnits({ ctx }: { ctx: ServiceContext }): Promise<UnitListing[]> {
  const rows = await ctx.db.all<{
    code: string;
    name: string;
    parent_code: string | null;
    kind: UnitKind;
    type: UnitType | null;
    path: string;
    members: number;
    linked: number;
  }>(sql`
    SELECT u.code, u.name, p.code AS parent_code, u.kind, u.type, u.path,
      (SELECT count(*) FROM members m WHERE m.unit_id = u.id) AS members,
      (SELECT count(DISTINCT m.id) FROM members m JOIN channel_accounts a ON a.member_id = m.id
        WHERE m.unit_id = u.id) AS linked
    FROM units u LEFT JOIN units p ON p.id = u.parent_id
    ORDER BY u.path`);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    kind: r.kind,
    type: r.type,
    depth: r.path.split('/').length - 3,
    members: Number(r.members),
    linked: Number(r.linked),
  }));
}

/** Whether the unit's post-meeting feedback is shown without names (applies to meetings created afterwards). */
export async function setAnonymousFeedback({ ctx, input }: { ctx: ServiceContext; input: { unitCode: string; anonymous: boolean } }): Promise<void> {
  const result = await ctx.db.run(sql`UPDATE units SET anonymous_feedback = ${input.anonymous ? 1 : 0} WHERE code = ${input.unitCode}`);
  if (result.rowsAffected === 0) throw new ServiceError('not_found', 'unit not found', { unit: input.unitCode });
}

/**
 * Assigns a committee member of a unit above to attend and guide this unit's meetings:
 * they are invited to every meeting created from now on.
 */
export async function assignGuide({ ctx, input }: { ctx: ServiceContext; input: { unitCode: string; memberCode: string } }): Promise<void> {
  const [row] = await ctx.db.all<{ unit_id: number; member_id: number; above: number; role: string }>(sql`
    SELECT u.id AS unit_id, m.id AS member_id, u.path LIKE mu.path || '%' AND u.id <> mu.id AS above, m.role
    FROM units u, members m JOIN units mu ON mu.id = m.unit_id WHERE u.code = ${input.unitCode} AND m.code = ${input.memberCode}`);
  if (!row) throw new ServiceError('not_found', 'unit or member not found', { unit: input.unitCode, member: input.memberCode });
  if (!row.above || row.role === 'member') throw new ServiceError('invalid_input', 'the guide must be a committee member of a unit above');
  await ctx.db.run(sql`
    INSERT INTO unit_guides (unit_id, member_id, assigned_at) VALUES (${row.unit_id}, ${row.member_id}, ${ctx.clock.now().getTime()})
    ON CONFLICT DO NOTHING`);
}
