import { sql } from 'drizzle-orm';
import type { MeetingKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { dashboardPeriods } from './periods';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, unitInScope, withinUnit } from './viewer';

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
  // Pick the page's meetings first, then aggregate only those.
  const ids = await ctx.db.all<{ id: number }>(sql`
    SELECT mt.id FROM meetings mt JOIN units u ON u.id = mt.unit_id
    WHERE ${unitInScope(input.viewer)} AND ${withinUnit(unit)} AND mt.starts_at >= ${periods.twelveMonthsFrom}
    ORDER BY mt.starts_at DESC LIMIT ${input.limit ?? 100}`);
  if (ids.length === 0) return { unit, rows: [] };
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
      count(i.member_id) AS invitees,
      coalesce(sum(i.reply = 'attending'), 0) AS attending,
      coalesce(sum(i.reply = 'excused'), 0) AS excused,
      coalesce(sum(i.attendance IN ('present', 'late')), 0) AS present,
      coalesce(sum(i.attendance = 'absent'), 0) AS absent,
      -- Kept by triggers on meeting_feedback (migration 0012): no recount.
      mt.feedback_count, CAST(mt.feedback_sum AS REAL) / nullif(mt.feedback_count, 0) AS feedback_average
    FROM meetings mt JOIN units u ON u.id = mt.unit_id
      LEFT JOIN meeting_invitees i ON i.meeting_id = mt.id AND i.is_guide = 0
    WHERE mt.id IN (SELECT value FROM json_each(${JSON.stringify(ids.map((i) => i.id))}))
    GROUP BY mt.id
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
