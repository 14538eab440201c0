import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberId, seedActivity } from '../helpers/dashboard';
import { createTestApp } from '../helpers/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** The counters the triggers keep, next to a recount from the rows. */
async function countersAndRecount() {
  return t.db.all<{ id: number; kept: string; recount: string }>(sql`
    SELECT id,
      month || ':' || counted_attendance || ':' || present_attendance || ':' || feedback_count || ':' || feedback_sum AS kept,
      (CAST(strftime('%Y', starts_at / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', starts_at / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1)
      || ':' || (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.is_guide = 0 AND i.attendance IS NOT NULL AND i.attendance <> 'exempt')
      || ':' || (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.is_guide = 0 AND i.attendance IN ('present', 'late'))
      || ':' || (SELECT count(*) FROM meeting_feedback f WHERE f.meeting_id = m.id)
      || ':' || (SELECT coalesce(sum(score), 0) FROM meeting_feedback f WHERE f.meeting_id = m.id) AS recount
    FROM meetings m ORDER BY id`);
}

describe('meeting counters for the dashboard', () => {
  it('stay equal to a recount through attendance changes, feedback, guides, moves and erasure', async () => {
    const { cb1Oct, cb1Nov } = await seedActivity(t.db, t.clock);
    const [m1, m2] = [await memberId(t.db, 'M1'), await memberId(t.db, 'M2')];
    const [first] = await countersAndRecount();
    expect(first!.kept).toBe(first!.recount);
    expect(first!.kept).toMatch(/:2:1:2:6$/); // CB1 October: 2 counted, 1 present, feedback 4 + 2

    await t.db.run(sql`UPDATE meeting_invitees SET attendance = 'late' WHERE meeting_id = ${cb1Oct} AND member_id = ${m2}`);
    await t.db.run(sql`UPDATE meeting_invitees SET attendance = 'present' WHERE meeting_id = ${cb1Nov}`);
    await t.db.run(sql`UPDATE meeting_invitees SET is_guide = 1 WHERE meeting_id = ${cb1Nov} AND member_id = ${m1}`);
    await t.db.run(sql`UPDATE meeting_feedback SET score = 5 WHERE meeting_id = ${cb1Oct} AND member_id = ${m2}`);
    await t.db.run(sql`INSERT INTO meeting_feedback (meeting_id, member_id, score, created_at) VALUES (${cb1Nov}, ${m1}, 3, 0)`);
    await t.db.run(sql`UPDATE meetings SET starts_at = starts_at + 40 * 86400000 WHERE id = ${cb1Oct}`);
    await t.services.eraseMemberData({ memberCode: 'M2' });
    await t.db.run(sql`DELETE FROM meeting_invitees WHERE member_id = ${m2}`);

    const rows = await countersAndRecount();
    for (const r of rows) expect([r.id, r.kept]).toEqual([r.id, r.recount]);
    expect(rows.find((r) => r.id === cb1Oct)!.kept).toMatch(/:1:1:2:9$/); // M1 present; M2's feedback (now 5) stays after the roll row goes
  });
});
