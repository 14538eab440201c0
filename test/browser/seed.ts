import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import type { Services } from '../../src/services';
import { committeeRoster, memberId, seedActivity, unitId } from '../helpers/dashboard';
import { DAY, type FakeClock } from '../helpers/fake-clock';
import { smallRoster, smallTree } from '../helpers/tables';

const corpusFile = new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url);

export interface Seeded {
  ids: Record<'K' | 'CS1' | 'CB1' | 'CB2' | 'CBCS', number>;
  /** Null when the shared corpus is not beside the repository. */
  documentId: number | null;
  quizSetTitle: string;
}

/**
 * The small tree and roster with the committee member M6, the known activity of
 * seedActivity (clock at the real now), plus four earlier months of meetings, one
 * studied resolution and a quiz set, so every chart on the dashboard has bars.
 */
export async function seedDashboard(db: Database, services: Services, clock: FakeClock): Promise<Seeded> {
  await services.importUnits(smallTree);
  await services.importMembers(smallRoster);
  await services.importMembers(committeeRoster);
  await seedActivity(db, clock);
  const now = clock.now().getTime();
  // The units joined half a year ago, so the compliance matrix has months that were due.
  await db.run(sql`UPDATE units SET created_at = ${now - 180 * DAY}`);

  const ids = { K: 0, CS1: 0, CB1: 0, CB2: 0, CBCS: 0 };
  for (const code of Object.keys(ids) as (keyof typeof ids)[]) ids[code] = await unitId(db, code);
  const m = { M1: 0, M2: 0, M3: 0, M4: 0 };
  for (const code of Object.keys(m) as (keyof typeof m)[]) m[code] = await memberId(db, code);

  const meeting = async (unit: number, startsAt: number) => {
    const [row] = await db.all<{ id: number }>(sql`
      INSERT INTO meetings (unit_id, kind, starts_at, place, agenda, created_at)
      VALUES (${unit}, 'dinh_ky', ${startsAt}, 'Hội trường tầng 2', 'Sinh hoạt định kỳ tháng', ${startsAt - 7 * DAY}) RETURNING id`);
    return row!.id;
  };
  for (let k = 1; k <= 4; k++) {
    const startsAt = now - (30 * k + 3) * DAY;
    const cb1 = await meeting(ids.CB1, startsAt);
    await db.run(sql`INSERT INTO meeting_invitees (meeting_id, member_id, reply, attendance) VALUES
      (${cb1}, ${m.M1}, 'attending', 'present'), (${cb1}, ${m.M2}, ${k % 2 === 0 ? 'attending' : 'excused'}, ${k % 2 === 0 ? 'present' : 'absent'})`);
    await db.run(sql`INSERT INTO meeting_feedback (meeting_id, member_id, score, comment, created_at) VALUES
      (${cb1}, ${m.M1}, ${3 + (k % 3)}, 'Nội dung sát thực tế', ${startsAt + DAY})`);
    if (k !== 3) {
      const cb2 = await meeting(ids.CB2, startsAt + 2 * DAY);
      await db.run(sql`INSERT INTO meeting_invitees (meeting_id, member_id, reply, attendance) VALUES
        (${cb2}, ${m.M3}, 'attending', 'present'), (${cb2}, ${m.M4}, NULL, 'exempt')`);
    }
  }

  let documentId: number | null = null;
  if (existsSync(corpusFile)) {
    ({ documentId } = await services.importDocument({ text: readFileSync(corpusFile, 'utf8'), sourceName: 'nq02.txt', unitCodes: ['K'] }));
    for (const id of [m.M1, m.M3]) {
      await db.run(sql`INSERT INTO document_study (document_id, member_id, received_at, opened_at, confirmed_at)
        VALUES (${documentId}, ${id}, ${now}, ${now}, ${now})`);
    }
  }

  const quizSetTitle = 'Tìm hiểu Nghị quyết 02';
  const [set] = await db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, pass_percent, created_at, updated_at)
    VALUES ('nq02', ${quizSetTitle}, 80, ${now}, ${now}) RETURNING id`);
  // Opened to the whole bloc, as `quiz import --unit K` would: the dashboard lists only sets that reach the viewer.
  await db.run(sql`INSERT INTO quiz_set_units (set_id, unit_id) SELECT ${set!.id}, id FROM units WHERE code = 'K'`);
  for (const [id, correct] of [
    [m.M1, 8],
    [m.M2, 5],
    [m.M3, 9],
  ] as const) {
    await db.run(sql`INSERT INTO quiz_attempts (set_id, member_id, question_ids, option_orders, started_at, finished_at, correct_count)
      VALUES (${set!.id}, ${id}, '[1,2,3,4,5,6,7,8,9,10]', '[]', ${now - 600_000}, ${now - 60_000}, ${correct})`);
  }
  return { ids, documentId, quizSetTitle };
}
