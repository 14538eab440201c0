import { sql } from 'drizzle-orm';
import type { UnitKind, UnitType } from '../../db/schema';
import type { ServiceContext } from '../context';

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

