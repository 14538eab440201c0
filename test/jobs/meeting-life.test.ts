import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderNotice, telegramMeetingMessages } from '../../bot/telegram/meeting-messages';
import { type JobDeps, jobs, runAllJobs } from '../../src/jobs/registry';
import { silentLogger } from '../../src/logger';
import { defaultMeetingRules } from '../../src/services/meetings/meeting-rules';
import { DAY, HOUR, MINUTE } from '../helpers/fake-clock';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

// A fake clock walks one meeting through its whole life, from notice to rating,
// running the job registry as cron would (and twice, and after downtime).
let t: TestDb;
let id: Record<string, number>;
let deps: JobDeps;

const outbox = async (like: string) =>
  (await t.db.all<{ dedupe_key: string; text: string }>(sql`SELECT dedupe_key, text FROM outbox_messages WHERE dedupe_key LIKE ${like} ORDER BY id`));

beforeEach(async () => {
  t = await createTestDb();
  t.clock.set('2026-11-02T01:00:00Z');
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  id = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
  const { invites } = await t.services.createInvites({ unitCode: 'K', ttlHours: 24 });
  for (const [i, inv] of invites.entries()) await t.services.acceptInvite({ channel: 'telegram', code: inv.code, externalId: String(800 + i), chatId: String(800 + i) });
  deps = { ctx: { db: t.db, clock: t.clock, actor: 'job' }, messages: telegramMeetingMessages, rules: defaultMeetingRules, logger: silentLogger };
});
afterEach(() => t.close());

describe('a meeting’s life on a fake clock', () => {
  it('reminds, nudges, escalates, asks for feedback and lets the secretary rate, each once', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const { meetingId } = await t.services.createMeeting({ organiserId: id.M1!, kind: 'dinh_ky', startsAt, place: 'Hội trường', agenda: 'Sinh hoạt tháng 11' });
    await t.services.sendMeetingNotice({ meetingId, organiserId: id.M1!, render: renderNotice });
    expect(await outbox(`meeting:${meetingId}:notice:%`)).toHaveLength(2);

    t.clock.set(new Date(startsAt.getTime() - 47 * HOUR));
    await runAllJobs(deps);
    await runAllJobs(deps); // cron firing twice sends nothing twice
    expect((await outbox(`meeting:${meetingId}:nudge48:%`)).map((r) => r.dedupe_key).sort()).toEqual(
      [`meeting:${meetingId}:nudge48:${id.M1}`, `meeting:${meetingId}:nudge48:${id.M2}`].sort(),
    );

    await t.services.replyToMeeting({ memberId: id.M1!, meetingId, reply: 'attending' });
    t.clock.set(new Date(startsAt.getTime() - 23 * HOUR));
    await runAllJobs(deps);
    expect(await outbox(`meeting:${meetingId}:remind24:%`)).toHaveLength(2);

    t.clock.set(new Date(startsAt.getTime() - 5 * HOUR));
    await runAllJobs(deps);
    expect((await outbox(`meeting:${meetingId}:nudge6:%`)).map((r) => r.dedupe_key)).toEqual([`meeting:${meetingId}:nudge6:${id.M2}`]);
    const [escalation] = await outbox(`meeting:${meetingId}:noreplies:%`);
    expect(escalation?.dedupe_key).toBe(`meeting:${meetingId}:noreplies:${id.M1}`);
    expect(escalation?.text).toContain('còn 1 đồng chí chưa trả lời:\n• Trần Thị Bình');

    // The process was down at the 1-hour mark; on return it sends the 1-hour reminder, and the 24-hour one is not repeated.
    t.clock.set(new Date(startsAt.getTime() - 20 * MINUTE));
    await runAllJobs(deps);
    expect(await outbox(`meeting:${meetingId}:remind1:%`)).toHaveLength(2);
    expect(await outbox(`meeting:${meetingId}:remind24:%`)).toHaveLength(2);

    t.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    expect(await t.services.checkIn({ memberId: id.M1!, meetingId })).toEqual({ state: 'present' });
    await t.services.markAttendance({ organiserId: id.M1!, meetingId, memberId: id.M2!, state: 'absent' });

    t.clock.set(new Date(startsAt.getTime() + 3 * HOUR));
    await runAllJobs(deps);
    await runAllJobs(deps);
    expect((await outbox(`meeting:${meetingId}:feedback:%`)).map((r) => r.dedupe_key)).toEqual([`meeting:${meetingId}:feedback:${id.M1}`]);
    await t.services.submitFeedback({ memberId: id.M1!, meetingId, score: 5 });
    await t.services.addFeedbackComment({ memberId: id.M1!, meetingId, comment: 'Nội dung thiết thực' });
    expect(await t.services.submitFeedback({ memberId: id.M2!, meetingId, score: 1 }).catch((e: { code: string }) => e.code)).toBe('forbidden');
    const summary = await t.services.feedbackSummary({ organiserId: id.M1!, meetingId });
    expect(summary).toMatchObject({ count: 1, average: 5, comments: [{ author: 'Nguyễn Văn An', text: 'Nội dung thiết thực' }] });

    expect(await t.services.rateMeeting({ organiserId: id.M1!, meetingId, level: 'kha' })).toEqual({ attendanceRate: 0.5 });
    const [rated] = await t.db.all<{ rating: string; rating_details: string }>(sql`SELECT rating, rating_details FROM meetings WHERE id = ${meetingId}`);
    expect(rated?.rating).toBe('kha');
    expect(JSON.parse(rated!.rating_details)).toEqual({ criteria: [], attendanceRate: 0.5 });
  });

  it('creates and announces a recurring monthly meeting ten days ahead, once a month', async () => {
    await t.services.createMeetingSeries({ organiserId: id.M1!, dayOfMonth: 5, minuteOfDay: 14 * 60, place: 'Phòng họp', agenda: 'Sinh hoạt định kỳ' });
    const recurring = jobs.find((j) => j.name === 'recurring-meetings')!;
    t.clock.set('2026-11-20T01:00:00Z'); // December 5 is 15 days away
    expect(await recurring.run(deps)).toBe(0);
    t.clock.set('2026-11-27T01:00:00Z');
    expect(await recurring.run(deps)).toBe(1);
    expect(await recurring.run(deps)).toBe(0);
    const [meeting] = await t.db.all<{ id: number; starts_at: number }>(sql`SELECT id, starts_at FROM meetings`);
    expect(new Date(Number(meeting!.starts_at)).toISOString()).toBe('2026-12-05T07:00:00.000Z'); // 14:00 in Vietnam
    expect(await outbox(`meeting:${meeting!.id}:notice:%`)).toHaveLength(2);
    t.clock.set('2026-12-28T01:00:00Z');
    expect(await recurring.run(deps)).toBe(1);
  });

  it('flags branches without their monthly meeting once, and nudges their secretaries once', async () => {
    // 21 December in Vietnam; no branch has a December meeting.
    t.clock.set('2026-12-21T01:00:00Z');
    const compliance = jobs.find((j) => j.name === 'meeting-compliance')!;
    // 3 branches × (monthly + thematic, as December closes the half-year) + CS1 (đảng bộ cơ sở) × (committee + general meeting).
    expect(await compliance.run(deps)).toEqual({ findings: 8, recorded: 8 });
    expect(await compliance.run(deps)).toEqual({ findings: 8, recorded: 0 });
    t.clock.set('2026-12-10T01:00:00Z'); // before the warning day: nothing flagged yet
    expect(await compliance.run(deps)).toEqual({ findings: 0, recorded: 0 });
    const findings = await t.db.all<{ code: string; rule: string; period: string }>(sql`
      SELECT u.code, f.rule, f.period FROM compliance_findings f JOIN units u ON u.id = f.unit_id ORDER BY u.code, f.rule`);
    expect(findings.filter((f) => f.rule === 'regular_monthly').map((f) => f.code)).toEqual(['CB1', 'CB2', 'CBCS']);
    expect(findings.filter((f) => f.code === 'CS1').map((f) => f.rule)).toEqual(['committee_monthly', 'party_committee']);
    expect(findings.every((f) => f.period === '2026-12')).toBe(true);
    const nudges = await outbox('compliance:%');
    // Secretaries and deputies of the three branches (M1, M3, M5), one message per finding (CS1 has none).
    expect(new Set(nudges.map((n) => n.dedupe_key.split(':').at(-1)))).toEqual(new Set([String(id.M1), String(id.M3), String(id.M5)]));
    expect(nudges).toHaveLength(6);
    expect(nudges.filter((n) => n.text.includes('tháng 12/2026'))).toHaveLength(3);
  });

  it('sends compliance nudges to no secretary who blocked the bot', async () => {
    await t.db.run(sql`UPDATE channel_accounts SET blocked_at = 1 WHERE member_id = ${id.M3!}`);
    t.clock.set('2026-12-21T01:00:00Z');
    await jobs.find((j) => j.name === 'meeting-compliance')!.run(deps);
    const nudges = await outbox('compliance:%');
    expect(new Set(nudges.map((n) => n.dedupe_key.split(':').at(-1)))).toEqual(new Set([String(id.M1), String(id.M5)]));
  });
});
