// Seeds a migrated database for bench/webhook.ts through the services: a bloc of
// branches with linked Telegram members, one quiz with an open attempt per member,
// and a series of scheduled meetings per branch with every member invited.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import type { Services } from '../src/services';
import type { QuizSetInput } from '../src/services/quizzes/quiz-set-schema';
import type { Table } from '../src/services/roster/table';

export interface SeedSize {
  branches: number;
  membersPerBranch: number;
  questions: number;
  meetingsPerBranch: number;
}

export interface SeededAttempt {
  telegramId: number;
  attemptId: number;
  questions: number;
}

export interface SeededInvitation {
  telegramId: number;
  meetingId: number;
}

export interface Seeded {
  attempts: SeededAttempt[];
  /** Ordered so that consecutive replies come from different members and meetings. */
  invitations: SeededInvitation[];
}

const telegramIdBase = 70_000_000;

const table = (headers: string[], rows: string[][]): Table => ({
  headers,
  rows: rows.map((r, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ''])) })),
});

// Member names may not contain digits: spell the index in letters.
const spell = (i: number) => `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26]}${'abcdefghij'[Math.floor(i / 676) % 10]}`;

function quizSet(questions: number): QuizSetInput {
  return {
    id: 'bench-webhook',
    title: 'Ôn tập sinh hoạt chi bộ',
    description: null,
    document: null,
    shuffle_questions: false,
    time_limit_seconds: null,
    pass_percent: 60,
    draw: null,
    units: ['BENCH-CS'],
    questions: Array.from({ length: questions }, (_, i) => ({
      id: `q${i + 1}`,
      text: `Câu hỏi ôn tập số ${i + 1}: chi bộ sinh hoạt định kỳ bao lâu một lần?`,
      options: ['Hai tuần một lần', 'Mỗi tháng một lần', 'Mỗi quý một lần', 'Sáu tháng một lần'],
      correct: [i % 4],
      explanation: 'Chi bộ sinh hoạt định kỳ mỗi tháng một lần theo quy định.',
      section: 'II.1',
      quote: null,
      difficulty: 'medium',
      tags: [],
    })),
  };
}

export async function seedWebhookBench(db: Database, services: Services, size: SeedSize): Promise<Seeded> {
  const branches = Array.from({ length: size.branches }, (_, b) => `BENCH-CB${String(b + 1).padStart(2, '0')}`);
  await services.importUnits(
    table(
      ['code', 'name', 'parent_code', 'kind', 'type'],
      [
        ['BENCH-K', 'Đảng bộ Khối thử tải', '', 'đảng bộ khối', ''],
        ['BENCH-CS', 'Đảng bộ Sở thử tải', 'BENCH-K', 'đảng bộ cơ sở', 'cơ quan hành chính'],
        ...branches.map((code, b) => [code, `Chi bộ thử tải ${spell(b)}`, 'BENCH-CS', 'chi bộ trực thuộc', '']),
      ],
    ),
  );
  await services.importMembers(
    table(
      ['code', 'full_name', 'unit_code', 'role', 'status'],
      branches.flatMap((code, b) =>
        Array.from({ length: size.membersPerBranch }, (_, i) => {
          const n = b * size.membersPerBranch + i;
          return [`BM${n}`, `Đảng viên ${spell(n)}`, code, i === 0 ? 'bí thư' : 'đảng viên', 'chính thức'];
        }),
      ),
    ),
  );

  // Link every member's Telegram account the way members do: an invite code, accepted.
  const memberIds = new Map<string, { memberId: number; telegramId: number }>();
  for (const code of branches) {
    const { invites } = await services.createInvites({ unitCode: code, ttlHours: 24 });
    for (const invite of invites) {
      const telegramId = telegramIdBase + Number(invite.memberCode.slice(2));
      const linked = await services.acceptInvite({ channel: 'telegram', code: invite.code, externalId: String(telegramId), chatId: String(telegramId) });
      memberIds.set(invite.memberCode, { memberId: linked.memberId, telegramId });
    }
  }

  await services.importQuizSet({ set: quizSet(size.questions) });
  const [set] = await db.all<{ id: number }>(sql`SELECT id FROM quiz_sets WHERE slug = 'bench-webhook'`);
  const attempts: SeededAttempt[] = [];
  for (const { memberId, telegramId } of memberIds.values()) {
    const { attemptId } = await services.startAttempt({ memberId, setId: set!.id });
    attempts.push({ telegramId, attemptId, questions: size.questions });
  }

  // Meetings of each branch, organised by its secretary, weeks ahead (no reminders due).
  const meetingsByBranch: number[][] = [];
  for (const [b, code] of branches.entries()) {
    const secretary = memberIds.get(`BM${b * size.membersPerBranch}`)!;
    const ids: number[] = [];
    for (let k = 0; k < size.meetingsPerBranch; k++) {
      const { meetingId } = await services.createMeeting({
        organiserId: secretary.memberId,
        kind: k % 2 === 0 ? 'dinh_ky' : 'chuyen_de',
        startsAt: new Date(Date.now() + (20 + k) * 86_400_000),
        place: `Hội trường ${code}`,
        agenda: 'Quán triệt nghị quyết; kiểm điểm công tác tháng',
      });
      ids.push(meetingId);
    }
    meetingsByBranch.push(ids);
  }
  const invitations: SeededInvitation[] = [];
  for (let k = 0; k < size.meetingsPerBranch; k++) {
    for (let i = 0; i < size.membersPerBranch; i++) {
      for (let b = 0; b < size.branches; b++) {
        const member = memberIds.get(`BM${b * size.membersPerBranch + i}`)!;
        invitations.push({ telegramId: member.telegramId, meetingId: meetingsByBranch[b]![k]! });
      }
    }
  }
  return { attempts, invitations };
}
