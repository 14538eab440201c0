import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { pathWithin, unitPathOfCode } from '../units/unit-paths';

export interface UnitCoverage {
  unitCode: string;
  unitName: string;
  members: number;
  received: number;
  opened: number;
  confirmed: number;
  /** confirmed ÷ members, 0–1 (the documents ask for 100%). */
  confirmedRate: number;
}

/**
 * Study coverage of one document for every unit that has members in its
 * audience, optionally only within one unit's subtree. Exempt members count too:
 * exemption is from meetings, not from studying resolutions.
 */
export async function studyCoverage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { documentId: number; withinUnitCode?: string };
}): Promise<UnitCoverage[]> {
  const [doc] = await ctx.db.all<{ id: number }>(sql`SELECT id FROM documents WHERE id = ${input.documentId}`);
  if (!doc) throw new ServiceError('not_found', 'document not found');
  const within = input.withinUnitCode ? sql`AND ${pathWithin('u.path', await unitPathOfCode(ctx, input.withinUnitCode))}` : sql``;
  const rows = await ctx.db.all<{
    unit_code: string;
    unit_name: string;
    members: number;
    received: number;
    opened: number;
    confirmed: number;
  }>(sql`
    SELECT u.code AS unit_code, u.name AS unit_name, count(m.id) AS members,
      count(s.received_at) AS received, count(s.opened_at) AS opened, count(s.confirmed_at) AS confirmed
    FROM members m
    JOIN units u ON u.id = m.unit_id
    LEFT JOIN document_study s ON s.member_id = m.id AND s.document_id = ${input.documentId}
    WHERE EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id
                  WHERE du.document_id = ${input.documentId} AND u.path LIKE pu.path || '%') ${within}
    GROUP BY u.id ORDER BY u.path`);
  return rows.map((r) => ({
    unitCode: r.unit_code,
    unitName: r.unit_name,
    members: Number(r.members),
    received: Number(r.received),
    opened: Number(r.opened),
    confirmed: Number(r.confirmed),
    confirmedRate: Number(r.members) === 0 ? 0 : Number(r.confirmed) / Number(r.members),
  }));
}
