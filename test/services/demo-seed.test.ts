import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  t.clock.set('2026-11-22T03:00:00Z');
});
afterEach(() => t.close());

describe('the demo a fresh `npm start` seeds', () => {
  it('gives every demo branch six months of meetings with attendance, feedback and a rating, and its next meeting', async () => {
    expect(await t.services.seedDemoIfEmpty(undefined, 'system')).toBe(true);
    const perBranch = await t.db.all<{ unit: string; held: number; ahead: number; rated: number; present: number; counted: number; feedback: number }>(sql`
      SELECT u.code AS unit,
        sum(m.starts_at < ${t.clock.now().getTime()}) AS held,
        sum(m.starts_at > ${t.clock.now().getTime()}) AS ahead,
        sum(m.rating IS NOT NULL) AS rated,
        sum(m.present_attendance) AS present, sum(m.counted_attendance) AS counted, sum(m.feedback_count) AS feedback
      FROM meetings m JOIN units u ON u.id = m.unit_id GROUP BY u.code ORDER BY u.code`);
    expect(perBranch.map((b) => b.unit)).toEqual(['CB-DL-KD', 'CB-DL-KT', 'CB-STC-NS', 'CB-STC-VP', 'CBCS-BV', 'CBCS-DUOC']);
    for (const b of perBranch) {
      // June to November held (the 8th of each month), December announced.
      expect([Number(b.held), Number(b.ahead), Number(b.rated)], b.unit).toEqual([6, 1, 6]);
      const rate = Number(b.present) / Number(b.counted);
      expect(rate, b.unit).toBeGreaterThan(0.6);
      expect(rate, b.unit).toBeLessThan(1);
      expect(Number(b.feedback), b.unit).toBeGreaterThan(0);
    }
    const [months] = await t.db.all<{ first: string; last: string }>(sql`SELECT strftime('%Y-%m', min(starts_at) / 1000, 'unixepoch') AS first, strftime('%Y-%m', max(starts_at) / 1000, 'unixepoch') AS last FROM meetings`);
    expect(months).toEqual({ first: '2026-06', last: '2026-12' });
    // Excused members gave their reason before the meeting, as they would in the bot.
    const [excused] = await t.db.all<{ n: number; withReason: number }>(sql`
      SELECT count(*) AS n, sum(reason IS NOT NULL) AS withReason FROM meeting_invitees WHERE attendance = 'excused'`);
    expect(Number(excused?.n)).toBeGreaterThan(0);
    expect(Number(excused?.withReason)).toBe(Number(excused?.n));
  });

  it('seeds nothing into a database that already has units', async () => {
    expect(await t.services.seedDemoIfEmpty(undefined, 'system')).toBe(true);
    const before = await t.count('meetings');
    expect(await t.services.seedDemoIfEmpty(undefined, 'system')).toBe(false);
    expect(await t.count('meetings')).toBe(before);
  });
});
