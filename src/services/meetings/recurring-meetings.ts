import { sql } from 'drizzle-orm';
import { meetingSeries } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError, isServiceError } from '../errors';
import { createMeeting } from './create-meeting';
import { assertOfficerOf } from './meeting-access';
import { vietnamMonth, vietnamMonthStart } from './meeting-rules';
import type { MeetingMessages } from './scheduled-messages';
import { sendMeetingNotice } from './send-meeting-notice';

/** How far ahead a recurring meeting is created and announced. */
const announceDaysAhead = 10;

/** "Set once": the unit's regular meeting on the same day and time every month. */
export async function createMeetingSeries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { organiserId: number; dayOfMonth: number; minuteOfDay: number; place: string; agenda: string };
}): Promise<{ seriesId: number }> {
  const [organiser] = await ctx.db.all<{ unit_id: number }>(sql`SELECT unit_id FROM members WHERE id = ${input.organiserId}`);
  if (!organiser) throw new ServiceError('not_found', 'member not found');
  await assertOfficerOf(ctx, input.organiserId, organiser.unit_id);
  if (input.dayOfMonth < 1 || input.dayOfMonth > 31 || input.minuteOfDay < 0 || input.minuteOfDay >= 1440) throw new ServiceError('invalid_input', 'day or time');
  const [row] = await ctx.db
    .insert(meetingSeries)
    .values({ unitId: organiser.unit_id, organiserId: input.organiserId, dayOfMonth: input.dayOfMonth, minuteOfDay: input.minuteOfDay, place: input.place, agenda: input.agenda, createdAt: ctx.clock.now() })
    .returning({ id: meetingSeries.id });
  return { seriesId: row!.id };
}

/** The series' meeting in a given Vietnam-time month (the day is clamped to the month's length). */
function occurrence(year: number, month: number, dayOfMonth: number, minuteOfDay: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return vietnamMonthStart(year, month) + (Math.min(dayOfMonth, lastDay) - 1) * 86_400_000 + minuteOfDay * 60_000;
}

/**
 * Creates and announces each series' next meeting once it is within ten days,
 * unless the unit already has a regular meeting that month (idempotent, catches up).
 */
export async function scheduleRecurringMeetings({ ctx, input }: { ctx: ServiceContext; input: { messages: MeetingMessages } }) {
  const now = ctx.clock.now().getTime();
  const { year, month } = vietnamMonth(ctx.clock.now());
  const series = await ctx.db.all<{ id: number; unit_id: number; organiser_id: number; day_of_month: number; minute_of_day: number; place: string; agenda: string }>(sql`
    SELECT id, unit_id, organiser_id, day_of_month, minute_of_day, place, agenda FROM meeting_series WHERE active = 1`);
  let created = 0;
  for (const s of series) {
    for (const [y, m] of [
      [year, month],
      [month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1],
    ] as const) {
      const startsAt = occurrence(y, m, s.day_of_month, s.minute_of_day);
      if (startsAt <= now || startsAt - now > announceDaysAhead * 86_400_000) continue;
      const [existing] = await ctx.db.all<{ id: number }>(sql`
        SELECT id FROM meetings WHERE unit_id = ${s.unit_id} AND kind = 'dinh_ky' AND status = 'scheduled'
          AND starts_at >= ${vietnamMonthStart(y, m)} AND starts_at < ${vietnamMonthStart(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1)}`);
      if (existing) continue;
      try {
        const { meetingId } = await createMeeting({ ctx, input: { organiserId: s.organiser_id, unitId: s.unit_id, kind: 'dinh_ky', startsAt: new Date(startsAt), place: s.place, agenda: s.agenda } });
        await sendMeetingNotice({ ctx, input: { meetingId, organiserId: s.organiser_id }, render: input.messages.notice });
        created++;
      } catch (error) {
        // The organiser may have left the role: the series waits for a new one.
        if (!isServiceError(error, 'forbidden')) throw error;
      }
    }
  }
  return created;
}
