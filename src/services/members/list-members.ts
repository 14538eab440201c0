import { sql } from 'drizzle-orm';
import type { MemberRole, MemberStatus } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { pathWithin } from '../units/unit-paths';

export interface MemberListing {
  code: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  role: MemberRole;
  status: MemberStatus;
  exempt: boolean;
  telegramLinked: boolean;
}

/**
 * Members of a unit and every unit below it (or of all units), by unit then name.
 * Phone numbers and birth years are left out on purpose: listings need no more.
 */
export async function listMembers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitCode?: string; unitId?: number };
}): Promise<MemberListing[]> {
  let scope = sql`1 = 1`;
  if (input.unitCode !== undefined || input.unitId !== undefined) {
    const unitMatch = input.unitId !== undefined ? sql`id = ${input.unitId}` : sql`code = ${input.unitCode}`;
    const [unit] = await ctx.db.all<{ path: string }>(sql`SELECT path FROM units WHERE ${unitMatch}`);
    if (!unit) throw new ServiceError('not_found', 'unit not found', { unit: input.unitCode ?? input.unitId });
    scope = pathWithin('u.path', unit.path);
  }
  const rows = await ctx.db.all<{
    code: string;
    full_name: string;
    unit_code: string;
    unit_name: string;
    role: MemberRole;
    status: MemberStatus;
    exempt: number;
    telegram_linked: number;
  }>(sql`
    SELECT m.code, m.full_name, u.code AS unit_code, u.name AS unit_name, m.role, m.status, m.exempt,
      EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id AND a.channel = 'telegram') AS telegram_linked
    FROM members m JOIN units u ON u.id = m.unit_id
    WHERE ${scope}
    ORDER BY u.path, m.full_name COLLATE NOCASE, m.code`);
  return rows.map((r) => ({
    code: r.code,
    fullName: r.full_name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    role: r.role,
    status: r.status,
    exempt: Boolean(r.exempt),
    telegramLinked: Boolean(r.telegram_linked),
  }));
}
