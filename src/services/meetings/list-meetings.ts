import { sql } from 'drizzle-orm';
import type { MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';

/** The officer's unit's meetings from a day ago on, soonest first. */
export async function listUnitMeetings({ ctx, input }: { ctx: ServiceContext; input: { unitId: number; limit?: number } }) {
  const from = ctx.clock.now().getTime() - 24 * 3600_000;
  const rows = await ctx.db.all<{ id: number; kind: MeetingKind; starts_at: number; replied: number; invited: number }>(sql`
    SELECT m.id, m.kind, m.starts_at,
      (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.reply IS NOT NULL) AS replied,
      (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id) AS invited
    FROM meetings m WHERE m.unit_id = ${input.unitId} AND m.status = 'scheduled' AND m.starts_at >= ${from}
    ORDER BY m.starts_at LIMIT ${input.limit ?? 5}`);
  return rows.map((r) => ({ id: r.id, kind: r.kind, startsAt: new Date(Number(r.starts_at)), replied: Number(r.replied), invited: Number(r.invited) }));
}
