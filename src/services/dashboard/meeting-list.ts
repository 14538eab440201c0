import { sql } from 'drizzle-orm';
import type { MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { dashboardPeriods } from './periods';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, pageUnits } from './viewer';

export interface MeetingListRow {
  meetingId: number;
  startsAt: Date;
  kind: MeetingKind;
  cancelled: boolean;
  unitName: string;
  invitees: number;
  attending: number;
  excused: number;
  present: number;
  absent: number;
  feedbackCount: number;
  feedbackAverage: number | null;
  rating: string | null;
}

/** The latest meetings of a unit's subtree in the last 12 months, with replies, attendance, feedback and rating. */
export async function meetingList({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; unitId?: number; limit?: number };
}): Promise<{ unit: ScopedUnit | null; rows: MeetingListRow[] }> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const periods = dashboardPeriods(ctx.clock.now());
  // The page's meetings are picked first, so only those are counted; each count reads the
  // replies index (migration 0019), never the invitees' rows, and present comes from the
  // meeting's trigger-kept counter (migration 0012).
  const invitees = (filter: string) =>
    sql.raw(`(SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.is_guide = 0${filter})`);
  const rows = await ctx.db.all<{
    id: number;
    starts_at: number;
    kind: MeetingKind;
    status: string;
    rating: string | null;
    unit_name: string;
    invitees: number;
    attending: number;
    excused: number;
    present: number;
    absent: number;
    feedback_count: number;
    feedback_average: number | null;
  }>(sql`
    SELECT mt.id, mt.starts_at, mt.kind, mt.status, mt.rating, u.name AS unit_name,
      ${invitees('')} AS invitees,
      ${invitees(" AND i.reply = 'attending'")} AS attending,
      ${invitees(" AND i.reply = 'excused'")} AS excused,
      mt.present_attendance AS present,
      ${invitees(" AND i.attendance = 'absent'")} AS absent,
      mt.feedback_count, CAST(mt.feedback_sum AS REAL) / nullif(mt.feedback_count, 0) AS feedback_average
    FROM (
      SELECT mt.id FROM meetings mt JOIN units u ON u.id = mt.unit_id
      WHERE ${pageUnits(input.viewer, unit)} AND mt.starts_at >= ${periods.twelveMonthsFrom}
      ORDER BY mt.starts_at DESC LIMIT ${input.limit ?? 100}
    ) picked
    JOIN meetings mt ON mt.id = picked.id JOIN units u ON u.id = mt.unit_id
    ORDER BY mt.starts_at DESC`);
  return {
    unit,
    rows: rows.map((r) => ({
      meetingId: r.id,
      startsAt: new Date(Number(r.starts_at)),
      kind: r.kind,
      cancelled: r.status === 'cancelled',
      unitName: r.unit_name,
      invitees: Number(r.invitees),
      attending: Number(r.attending),
      excused: Number(r.excused),
      present: Number(r.present),
      absent: Number(r.absent),
      feedbackCount: Number(r.feedback_count),
      feedbackAverage: r.feedback_average === null ? null : Number(r.feedback_average),
      rating: r.rating,
    })),
  };
}
