import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import type { Services } from '../../src/services';
import { HOUR } from '../helpers/fake-clock';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { smallRoster, smallTree } from '../helpers/tables';

const corpusFile = new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url);

export interface MemberPagesSeed {
  /** Member ids by roster code (M1 secretary and M2 member of CB1, M3 of CB2). */
  member: Record<string, number>;
  setId: number;
  /** CB1's meeting two days from the clock's now, M1 and M2 invited. */
  meetingId: number;
  meetingStartsAt: Date;
  /** NQ 02 published to CS1 with its summary approved (null without the shared corpus). */
  documentId: number | null;
}

/** The small tree and roster, the small quiz set (open to CS1), a CB1 meeting and a summarised resolution. */
export async function seedMemberPages(db: Database, services: Services, now: Date): Promise<MemberPagesSeed> {
  await services.importUnits(smallTree);
  await services.importMembers(smallRoster);
  const member = Object.fromEntries((await db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
  await services.importQuizSet({ set: smallQuizSet() });
  const [set] = await db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = 'on-tap-thu'`);
  const meetingStartsAt = new Date(now.getTime() + 48 * HOUR);
  const { meetingId } = await services.createMeeting({
    organiserId: member.M1!,
    kind: 'dinh_ky',
    startsAt: meetingStartsAt,
    place: 'Phòng họp tầng 2',
    agenda: 'Kiểm điểm công tác tháng',
  });
  let documentId: number | null = null;
  if (existsSync(corpusFile)) {
    ({ documentId } = await services.importDocument({ text: readFileSync(corpusFile, 'utf8'), sourceName: 'nq02.txt', unitCodes: ['CS1'] }));
    await services.approveSummary({ documentId });
  }
  return { member, setId: set!.id, meetingId, meetingStartsAt, documentId };
}
