import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { officerRoles } from '../members/member-vocabulary';

/**
 * Throws unless the member leads the unit: a secretary, deputy or committee member
 * of that unit or of a unit above it.
 */
export async function assertOfficerOf(ctx: ServiceContext, memberId: number, unitId: number): Promise<void> {
  const [row] = await ctx.db.all<{ role: string; ok: number }>(sql`
    SELECT m.role, (SELECT u.path FROM units u WHERE u.id = ${unitId}) LIKE mu.path || '%' AS ok
    FROM members m JOIN units mu ON mu.id = m.unit_id WHERE m.id = ${memberId}`);
  if (!row?.ok || !officerRoles.includes(row.role as (typeof officerRoles)[number])) throw new ServiceError('forbidden');
}

export interface MeetingRow {
  id: number;
  unit_id: number;
  unit_name: string;
  kind: string;
  starts_at: number;
  place: string;
  agenda: string;
  status: string;
}

export async function loadMeeting(ctx: ServiceContext, meetingId: number): Promise<MeetingRow> {
  const [m] = await ctx.db.all<MeetingRow>(sql`
    SELECT m.id, m.unit_id, u.name AS unit_name, m.kind, m.starts_at, m.place, m.agenda, m.status
    FROM meetings m JOIN units u ON u.id = m.unit_id WHERE m.id = ${meetingId}`);
  if (!m) throw new ServiceError('not_found', 'meeting not found');
  return { ...m, starts_at: Number(m.starts_at) };
}
