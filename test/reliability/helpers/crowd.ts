import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/client';
import type { createServices } from '../../../src/services';
import { smallQuizSet } from '../../helpers/quiz-fixtures';
import { csv } from '../../helpers/tables';

type Services = ReturnType<typeof createServices>;

export interface CrowdSizes {
  /** Linked members, each with a quiz attempt open at its first question. */
  quiz: number;
  /** Linked members who will answer the meeting notice "Tham dự". */
  attend: number;
  /** Linked members who will tap "Vắng có lý do". */
  excused: number;
  /** Members with an invite code, not linked yet. */
  linking: number;
}

export interface Person {
  telegramId: number;
  memberId: number;
}

export interface Crowd {
  quiz: (Person & { attemptId: number })[];
  attend: Person[];
  excused: Person[];
  linking: { telegramId: number; memberId: number; code: string }[];
  meetingId: number;
  setId: number;
}

/** Names may not contain digits: spell the index in letters (unique up to 17,576). */
const spell = (i: number) => {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = upper.toLowerCase();
  return `${upper[i % 26]}${lower[Math.floor(i / 26) % 26]}${lower[Math.floor(i / 676) % 26]}`;
};

/** Telegram ids by group, far from anything the main fixtures use. */
export const telegramIdBase = { quiz: 100_000, attend: 200_000, excused: 300_000, linking: 400_000, stranger: 500_000 } as const;

/**
 * Adds a crowd to branch CB1 of the small tree (whose secretary is M1): members per group,
 * linked or holding an invite, the small quiz set with one open attempt per quiz taker, and
 * a regular meeting three days ahead that every CB1 member is invited to.
 */
export async function populateCrowd(db: Database, services: Services, sizes: CrowdSizes): Promise<Crowd> {
  const groups = [
    ['Q', sizes.quiz],
    ['A', sizes.attend],
    ['E', sizes.excused],
    ['L', sizes.linking],
  ] as const;
  let n = 0;
  const rows = groups.flatMap(([prefix, size]) => Array.from({ length: size }, (_, i) => `${prefix}${i},Đảng viên ${spell(n++)},CB1,đảng viên,chính thức`));
  await services.importMembers(csv(`code,full_name,unit_code,role,status\n${rows.join('\n')}\n`));
  const ids = new Map((await db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, Number(r.id)]));
  const { invites } = await services.createInvites({ unitCode: 'CB1', ttlHours: 24 * 30 });
  const codeOf = new Map(invites.map((v) => [v.memberCode, v.code]));

  const link = async (prefix: string, size: number, base: number): Promise<Person[]> => {
    const out: Person[] = [];
    for (let i = 0; i < size; i++) {
      const telegramId = base + i;
      const code = codeOf.get(`${prefix}${i}`)!;
      await services.acceptInvite({ channel: 'telegram', code, externalId: String(telegramId), chatId: String(telegramId) });
      out.push({ telegramId, memberId: ids.get(`${prefix}${i}`)! });
    }
    return out;
  };
  const quizTakers = await link('Q', sizes.quiz, telegramIdBase.quiz);
  const attend = await link('A', sizes.attend, telegramIdBase.attend);
  const excused = await link('E', sizes.excused, telegramIdBase.excused);
  const linking = Array.from({ length: sizes.linking }, (_, i) => ({
    telegramId: telegramIdBase.linking + i,
    memberId: ids.get(`L${i}`)!,
    code: codeOf.get(`L${i}`)!,
  }));

  await services.importQuizSet({ set: smallQuizSet() });
  const [set] = await db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = 'on-tap-thu'`);
  const quiz = [];
  for (const p of quizTakers) quiz.push({ ...p, attemptId: (await services.startAttempt({ memberId: p.memberId, setId: set!.id })).attemptId });

  const startsAt = new Date(services.now().getTime() + 3 * 86_400_000);
  const { meetingId } = await services.createMeeting({ organiserId: ids.get('M1')!, kind: 'dinh_ky', startsAt, place: 'Hội trường tầng 2', agenda: 'Sinh hoạt chi bộ định kỳ' });
  return { quiz, attend, excused, linking, meetingId, setId: set!.id };
}
