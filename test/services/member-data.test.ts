import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramMeetingMessages } from '../../bot/telegram/meeting-messages';
import { jobs } from '../../src/jobs/registry';
import { silentLogger } from '../../src/logger';
import { defaultMeetingRules } from '../../src/services/meetings/meeting-rules';
import { HOUR } from '../helpers/fake-clock';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
let id: Record<string, number>;
let meetingId: number;

beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  id = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
  const { invites } = await t.services.createInvites({ memberCode: 'M2', ttlHours: 24 });
  await t.services.acceptInvite({ channel: 'telegram', code: invites[0]!.code, externalId: '555', chatId: '555' });
  const text = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');
  const { documentId } = await t.services.importDocument({ text, sourceName: 'nq02.txt', unitCodes: ['CB1'] });
  await t.services.confirmStudy({ memberId: id.M2!, documentId });
  await t.services.importQuizSet({ set: smallQuizSet() });
  const [set] = await t.db.all<{ id: number }>(sql`SELECT id FROM quiz_sets`);
  const { attemptId } = await t.services.startAttempt({ memberId: id.M2!, setId: set!.id });
  await t.services.answerQuestion({ memberId: id.M2!, attemptId, position: 0, displayed: [0] });
  ({ meetingId } = await t.services.createMeeting({ organiserId: id.M1!, kind: 'dinh_ky', startsAt: new Date(t.clock.now().getTime() + 2 * HOUR), place: 'P', agenda: 'A' }));
  await t.services.replyToMeeting({ memberId: id.M2!, meetingId, reply: 'excused', reason: 'Khám bệnh' });
  t.clock.advance(2 * HOUR);
  await t.services.markAttendance({ organiserId: id.M1!, meetingId, memberId: id.M2!, state: 'present' });
  await t.services.submitFeedback({ memberId: id.M2!, meetingId, score: 4, comment: 'Ý kiến riêng' });
});
afterEach(() => t.close());

describe('retention', () => {
  it('drops feedback comments and answer detail past their retention, keeping scores', async () => {
    const retention = jobs.find((j) => j.name === 'retention')!;
    const deps = { ctx: { db: t.db, clock: t.clock, actor: 'job' }, messages: telegramMeetingMessages, rules: defaultMeetingRules, logger: silentLogger };
    expect(await retention.run({ ...deps, retention: {} })).toEqual({ comments: 0, answers: 0 });
    t.clock.advance(31 * 86_400_000);
    expect(await retention.run({ ...deps, retention: { feedbackCommentDays: 30 } })).toEqual({ comments: 1, answers: 0 });
    const [feedback] = await t.db.all<{ score: number; comment: string | null }>(sql`SELECT score, comment FROM meeting_feedback`);
    expect(feedback).toEqual({ score: 4, comment: null });
    expect(await t.count('quiz_answers')).toBe(1); // the attempt is unfinished: nothing to drop
  });
});

describe('retention of quiz answers', () => {
  it('keeps a finished attempt’s score on the result screen after its answers are dropped', async () => {
    const [attempt] = await t.db.all<{ id: number }>(sql`SELECT id FROM quiz_attempts`);
    await t.services.answerQuestion({ memberId: id.M2!, attemptId: attempt!.id, position: 1, displayed: [0, 2] });
    await t.services.answerQuestion({ memberId: id.M2!, attemptId: attempt!.id, position: 2, displayed: [0] });
    const before = await t.services.attemptResult({ memberId: id.M2!, attemptId: attempt!.id });
    expect(before.total).toBe(3);
    t.clock.advance(31 * 86_400_000);
    const deps = { ctx: { db: t.db, clock: t.clock, actor: 'job' }, messages: telegramMeetingMessages, rules: defaultMeetingRules, logger: silentLogger };
    expect(await jobs.find((j) => j.name === 'retention')!.run({ ...deps, retention: { quizAnswerDays: 30 } })).toEqual({ comments: 0, answers: 3 });
    const after = await t.services.attemptResult({ memberId: id.M2!, attemptId: attempt!.id });
    expect([after.correct, after.total, after.percent, after.passed]).toEqual([before.correct, before.total, before.percent, before.passed]);
  });
});

describe('member data rights', () => {
  it('exports everything held on a member', async () => {
    const data = (await t.services.exportMemberData({ memberCode: 'M2' })) as Record<string, unknown[] | Record<string, unknown>>;
    expect(data.member).toMatchObject({ code: 'M2', full_name: 'Trần Thị Bình', unit_code: 'CB1', status: 'probationary' });
    expect(data.accounts).toEqual([expect.objectContaining({ channel: 'telegram', external_id: '555' })]);
    expect(data.documentStudy).toEqual([expect.objectContaining({ number: '02-NQ/ĐUK' })]);
    expect(data.quizAttempts).toHaveLength(1);
    expect(data.meetings).toEqual([expect.objectContaining({ reply: 'excused', reason: 'Khám bệnh', attendance: 'present' })]);
    expect(data.feedback).toEqual([expect.objectContaining({ score: 4, comment: 'Ý kiến riêng' })]);
  });

  it('erases personal data everywhere but keeps unit totals honest', async () => {
    await t.services.eraseMemberData({ memberCode: 'M2' });
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '555' })).toBeNull();
    const [row] = await t.db.all<{ code: string; full_name: string; phone: string | null }>(sql`SELECT code, full_name, phone FROM members WHERE id = ${id.M2}`);
    expect(row).toEqual({ code: `erased-${id.M2}`, full_name: `#${id.M2}`, phone: null });
    const everything = JSON.stringify(await t.db.all(sql`SELECT * FROM meeting_invitees`)) + JSON.stringify(await t.db.all(sql`SELECT * FROM meeting_feedback`));
    expect(everything).not.toContain('Khám bệnh');
    expect(everything).not.toContain('Ý kiến riêng');
    // Counts still add up: the unit still has 2 members, the attendance and the answer still count.
    expect((await t.services.listMembers({ unitCode: 'CB1' })).length).toBe(2);
    const roster = await t.services.meetingRoster({ organiserId: id.M1!, meetingId });
    expect(roster.people.filter((p) => p.attendance === 'present')).toHaveLength(1);
    expect((await t.services.questionStats({ setSlug: 'on-tap-thu' }))[0]?.answers).toBe(0); // unfinished attempts are not in statistics
    expect(await t.count('quiz_answers')).toBe(1);
    await expect(t.services.exportMemberData({ memberCode: 'M2' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
