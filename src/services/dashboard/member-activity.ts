import { sql } from 'drizzle-orm';
import type { MemberRole } from '../../db/schema';
import type { ServiceContext } from '../context';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

export interface MemberActivityRow {
  fullName: string;
  role: MemberRole;
  exempt: boolean;
  channels: string[];
  blocked: boolean;
  lastActivityAt: Date | null;
}

/**
 * The members of one unit: linked or not and when they last did anything in the
 * product. No phone numbers, birth years or answers: a secretary needs no more.
 */
export async function memberActivity({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; unitId?: number } }) {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  // An admin without a unit chosen gets no list: the page asks them to pick a unit.
  if (!unit) return { unit: null, rows: [] };
  const rows = await ctx.db.all<{ full_name: string; role: MemberRole; exempt: number; channels: string | null; blocked: number; last_at: number | null }>(sql`
    SELECT m.full_name, m.role, m.exempt,
      (SELECT group_concat(a.channel) FROM channel_accounts a WHERE a.member_id = m.id) AS channels,
      EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id AND a.blocked_at IS NOT NULL) AS blocked,
      max(
        coalesce((SELECT max(started_at) FROM quiz_attempts WHERE member_id = m.id), 0),
        coalesce((SELECT max(max(coalesce(replied_at, 0), coalesce(checked_in_at, 0))) FROM meeting_invitees WHERE member_id = m.id), 0),
        coalesce((SELECT max(max(coalesce(opened_at, 0), coalesce(confirmed_at, 0))) FROM document_study WHERE member_id = m.id), 0),
        coalesce((SELECT max(created_at) FROM meeting_feedback WHERE member_id = m.id), 0)
      ) AS last_at
    FROM members m WHERE m.unit_id = ${unit.id} ORDER BY m.full_name LIMIT 1000`);
  return {
    unit,
    rows: rows.map(
      (r): MemberActivityRow => ({
        fullName: r.full_name,
        role: r.role,
        exempt: Boolean(r.exempt),
        channels: r.channels ? r.channels.split(',') : [],
        blocked: Boolean(r.blocked),
        lastActivityAt: r.last_at ? new Date(Number(r.last_at)) : null,
      }),
    ),
  };
}
