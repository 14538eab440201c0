import { sql } from 'drizzle-orm';
import type { Clock, ServiceContext } from '../context';
import { markAttendance } from '../meetings/attendance';
import { createMeeting } from '../meetings/create-meeting';
import { rateMeeting, submitFeedback } from '../meetings/feedback-and-rating';
import { replyToMeeting } from '../meetings/reply-to-meeting';
import { demoMeetingTexts } from './demo-roster';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A clock the seed moves by hand, so every record goes through its service at a plausible time. */
function movableClock(start: Date): Clock & { set(at: Date): void } {
  let now = start;
  return {
    now: () => now,
    set(at: Date) {
      now = at;
    },
  };
}

/** Stable "random" in [0, n): the same demo every time, different per member and month. */
const pick = (n: number, ...keys: number[]) => keys.reduce((h, k) => Math.imul(h ^ k, 2654435761) >>> 0, 17) % n;

/** The 8th of the month `back` months before `now`, at 14:30 in Vietnam (07:30 UTC). */
function meetingDay(now: Date, back: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 8, 7, 30));
}

/**
 * Six months of branch life for the demo bloc, so the dashboard has something to show on a
 * fresh `npm start`: a monthly meeting in each branch with replies, attendance (mostly present,
 * a few excused or absent), members' feedback and the secretary's rating, and next month's
 * meeting announced. Only services write, each at the time it would have happened.
 */
export async function seedDemoActivity({ ctx }: { ctx: ServiceContext }): Promise<{ meetings: number }> {
  const now = ctx.clock.now();
  const clock = movableClock(now);
  const at = { ...ctx, clock, actor: 'demo' };
  const branches = await ctx.db.all<{ unit_id: number; secretary_id: number }>(sql`
    SELECT u.id AS unit_id, min(m.id) AS secretary_id FROM units u JOIN members m ON m.unit_id = u.id
    WHERE u.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') AND m.role = 'secretary' GROUP BY u.id ORDER BY u.id`);
  let meetings = 0;
  for (const branch of branches) {
    // Five or six past months, then the next meeting ahead (this month's or next month's).
    const thisMonthHeld = meetingDay(now, 0).getTime() + 3 * HOUR < now.getTime();
    for (let back = 5; back >= (thisMonthHeld ? -1 : 0); back--) {
      const startsAt = meetingDay(now, back);
      const held = startsAt.getTime() + 3 * HOUR < now.getTime();
      clock.set(new Date(Math.min(startsAt.getTime() - 10 * DAY, now.getTime())));
      const kind = back % 3 === 0 ? 'chuyen_de' : 'dinh_ky';
      const { meetingId } = await createMeeting({
        ctx: at,
        input: { organiserId: branch.secretary_id, kind, startsAt, place: demoMeetingTexts.place, agenda: demoMeetingTexts.agenda(kind, startsAt) },
      });
      meetings++;
      if (!held) continue;
      const invitees = await ctx.db.all<{ member_id: number; attendance: string | null }>(sql`
        SELECT member_id, attendance FROM meeting_invitees WHERE meeting_id = ${meetingId} AND is_guide = 0`);
      clock.set(new Date(startsAt.getTime() - 2 * DAY));
      const states = new Map<number, 'present' | 'late' | 'excused' | 'absent'>();
      for (const person of invitees) {
        if (person.attendance === 'exempt') continue;
        const roll = pick(20, person.member_id, back + 10);
        const state = roll === 0 ? 'absent' : roll <= 2 ? 'excused' : roll === 3 ? 'late' : 'present';
        states.set(person.member_id, state);
        if (state === 'absent') continue;
        const reply = state === 'excused' ? 'excused' : 'attending';
        await replyToMeeting({ ctx: at, input: { memberId: person.member_id, meetingId, reply, reason: demoMeetingTexts.excuse } });
      }
      clock.set(new Date(startsAt.getTime() + 2 * HOUR));
      for (const [memberId, state] of states) {
        await markAttendance({ ctx: at, input: { organiserId: branch.secretary_id, meetingId, memberId, state, reason: demoMeetingTexts.excuse } });
      }
      clock.set(new Date(startsAt.getTime() + 3 * HOUR));
      for (const [memberId, state] of states) {
        if ((state === 'present' || state === 'late') && pick(3, memberId, back) !== 0) {
          await submitFeedback({ ctx: at, input: { memberId, meetingId, score: 3 + pick(3, memberId, back, 7) } });
        }
      }
      await rateMeeting({ ctx: at, input: { organiserId: branch.secretary_id, meetingId, level: pick(3, branch.unit_id, back) === 0 ? 'kha' : 'tot' } });
    }
  }
  return { meetings };
}
