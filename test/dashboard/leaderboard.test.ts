import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberId } from '../helpers/dashboard';
import { createTestApp } from '../helpers/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('contest leaderboard ranked in SQL', () => {
  it('orders by score, prediction nearest the perfect count (none last), time, then member, and counts every entrant past the limit', async () => {
    const now = t.clock.now().getTime();
    const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, created_at, updated_at) VALUES ('s', 'Bộ câu hỏi', ${now}, ${now}) RETURNING id`);
    const [contest] = await t.db.all<{ id: number }>(sql`INSERT INTO contests (slug, title, set_id, opens_at, closes_at, ask_prediction, created_at)
      VALUES ('c', 'Cuộc thi', ${set!.id}, ${now - 86_400_000}, ${now + 86_400_000}, 1, ${now}) RETURNING id`);
    const attempt = async (code: string, correct: number, seconds: number, prediction: number | null) =>
      t.db.run(sql`INSERT INTO quiz_attempts (set_id, member_id, contest_id, question_ids, option_orders, started_at, finished_at, correct_count, prediction)
        VALUES (${set!.id}, ${await memberId(t.db, code)}, ${contest!.id}, '[1,2,3]', '[]', ${now - 3_600_000}, ${now - 3_600_000 + seconds * 1000}, ${correct}, ${prediction})`);
    // Two perfect scores (M1, M2), so a prediction of 2 is exact.
    await attempt('M1', 3, 90, null); // perfect, no prediction: after every perfect score with one
    await attempt('M2', 3, 80, 5); // perfect, off by 3
    await attempt('M3', 2, 10, 2); // exact prediction, same time as M4
    await attempt('M4', 2, 10, 2);
    await attempt('M5', 2, 5, 1); // fastest of the twos, but off by 1
    const board = await t.services.contestLeaderboard({ contestId: contest!.id, limit: 4 });
    expect(board.perfectEntrants).toBe(2);
    expect(board.entrantsInScope).toBe(5);
    expect(board.rows.map((r) => [r.rank, r.memberCode])).toEqual([
      [1, 'M2'],
      [2, 'M1'],
      [3, 'M3'], // tied with M4 on everything: the earlier member first
      [4, 'M4'],
    ]);
  });
});
