import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../../src/config';
import { createServices } from '../../src/services';
import { isServiceError, type ServiceErrorCode } from '../../src/services/errors';
import { DAY, HOUR } from '../helpers/fake-clock';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type MemberPagesSeed, seedMemberPages } from './fixtures';

let t: TestDb;
let s: MemberPagesSeed;

beforeEach(async () => {
  t = await createTestDb();
  s = await seedMemberPages(t.db, t.services, t.clock.now());
});
afterEach(() => t.close());

async function codeOf(p: Promise<unknown>): Promise<ServiceErrorCode | 'ok' | 'other'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return isServiceError(e) ? e.code : 'other';
  }
}
const tokenOf = (path: string) => path.replace(/^\/m\//, '');
const link = async (code: string, purpose: 'quiz' | 'meeting-reply' | 'check-in' | 'feedback' | 'summary', targetId: number) =>
  tokenOf((await t.services.createMemberLink({ memberId: s.member[code]!, purpose, targetId })).path);

describe('member links', () => {
  it('makes a URL-safe link that names the member and the target, for what the member may use', async () => {
    const { path, expiresAt } = await t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'meeting-reply', targetId: s.meetingId });
    expect(path).toMatch(/^\/m\/[A-Za-z0-9._-]+$/);
    expect(expiresAt.getTime()).toBe(s.meetingStartsAt.getTime() + 7 * DAY);
    const verified = await t.services.verifyMemberLink({ token: tokenOf(path) });
    expect(verified).toMatchObject({ memberId: s.member.M2, fullName: 'Trần Thị Bình', purpose: 'meeting-reply', targetId: s.meetingId });
    expect(verified.formToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // M3 is in CB2: not invited to CB1's meeting.
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M3!, purpose: 'meeting-reply', targetId: s.meetingId }))).toBe('link_not_allowed');
    // M5 is in CBCS, outside CS1 where the quiz is published.
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M5!, purpose: 'quiz', targetId: s.setId }))).toBe('link_not_allowed');
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'summary', targetId: 999_999 }))).toBe('link_not_allowed');
  });

  it('expires a meeting link when the feedback window closes, a practice quiz link after two weeks', async () => {
    const meeting = await link('M2', 'feedback', s.meetingId);
    const quiz = await link('M2', 'quiz', s.setId);
    t.clock.advance(48 * HOUR + 7 * DAY - 1000);
    expect(await codeOf(t.services.verifyMemberLink({ token: meeting }))).toBe('ok');
    expect(await codeOf(t.services.verifyMemberLink({ token: quiz }))).toBe('ok');
    t.clock.advance(1000);
    expect(await codeOf(t.services.verifyMemberLink({ token: meeting }))).toBe('link_expired');
    t.clock.advance(5 * DAY);
    expect(await codeOf(t.services.verifyMemberLink({ token: quiz }))).toBe('link_expired');
    // A link for a meeting whose window has closed is not made at all.
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'feedback', targetId: s.meetingId }))).toBe('link_expired');
  });

  it('refuses a tampered token, and one made for another member cannot be turned into yours', async () => {
    const token = await link('M2', 'meeting-reply', s.meetingId);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await codeOf(t.services.verifyMemberLink({ token: `${token.slice(0, -1)}${last}` }))).toBe('link_invalid');
    const [, ...rest] = token.split('.');
    expect(await codeOf(t.services.verifyMemberLink({ token: [s.member.M1, ...rest].join('.') }))).toBe('link_invalid');
    // Another purpose letter with the same signature.
    expect(await codeOf(t.services.verifyMemberLink({ token: token.replace(/\.r(\d+)\./, '.i$1.') }))).toBe('link_invalid');
    for (const junk of ['', 'abc', '1.1.q1.zz.short', 'x'.repeat(500)]) expect(await codeOf(t.services.verifyMemberLink({ token: junk }))).toBe('link_invalid');
    const m1 = await link('M1', 'meeting-reply', s.meetingId);
    expect((await t.services.verifyMemberLink({ token: m1 })).memberId).toBe(s.member.M1);
    expect((await t.services.verifyMemberLink({ token })).memberId).toBe(s.member.M2);
  });

  it('refuses a link used for another purpose, and a form without the page’s form token', async () => {
    const token = await link('M2', 'meeting-reply', s.meetingId);
    expect(await codeOf(t.services.verifyMemberLink({ token, expect: ['check-in'] }))).toBe('link_wrong_purpose');
    const { formToken } = await t.services.verifyMemberLink({ token, expect: ['meeting-reply'] });
    expect(await codeOf(t.services.verifyMemberLink({ token, formToken }))).toBe('ok');
    expect(await codeOf(t.services.verifyMemberLink({ token, formToken: '' }))).toBe('forbidden');
    const other = await link('M1', 'meeting-reply', s.meetingId);
    const otherForm = (await t.services.verifyMemberLink({ token: other })).formToken;
    expect(await codeOf(t.services.verifyMemberLink({ token, formToken: otherForm }))).toBe('forbidden');
  });

  it('re-checks the database on every request: an erased member, one who moved unit, a cancelled meeting, an unpublished quiz', async () => {
    const reply = await link('M2', 'meeting-reply', s.meetingId);
    const quiz = await link('M1', 'quiz', s.setId);
    const m3quiz = await link('M3', 'quiz', s.setId);
    await t.db.run(sql`UPDATE meetings SET status = 'cancelled' WHERE id = ${s.meetingId}`);
    expect(await codeOf(t.services.verifyMemberLink({ token: reply }))).toBe('link_not_allowed');
    await t.db.run(sql`DELETE FROM quiz_set_units WHERE set_id = ${s.setId}`);
    await t.db.run(sql`INSERT INTO quiz_set_units (set_id, unit_id) SELECT ${s.setId}, id FROM units WHERE code = 'CB2'`);
    expect(await codeOf(t.services.verifyMemberLink({ token: quiz }))).toBe('link_not_allowed');
    expect(await codeOf(t.services.verifyMemberLink({ token: m3quiz }))).toBe('ok');
    await t.db.run(sql`UPDATE members SET unit_id = (SELECT id FROM units WHERE code = 'CBCS') WHERE id = ${s.member.M3}`);
    expect(await codeOf(t.services.verifyMemberLink({ token: m3quiz }))).toBe('link_member_gone');
    const m1reply = await link('M1', 'meeting-reply', s.meetingId).catch(() => null);
    expect(m1reply).toBeNull(); // cancelled: no new link either
    const summary = s.documentId ? await link('M2', 'summary', s.documentId) : null;
    await t.services.eraseMemberData({ memberCode: 'M2' });
    if (summary) expect(await codeOf(t.services.verifyMemberLink({ token: summary }))).toBe('link_member_gone');
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'quiz', targetId: s.setId }))).toBe('link_member_gone');
  });

  it('validates its input', async () => {
    const bad = [
      { memberId: s.member.M2!, purpose: 'vote', targetId: s.setId },
      { memberId: s.member.M2!, purpose: 'quiz', targetId: -1 },
      { memberId: 0, purpose: 'quiz', targetId: s.setId },
    ];
    for (const input of bad) {
      await expect(t.services.createMemberLink(input as never)).rejects.toThrow();
    }
    expect(await t.count('app_secrets')).toBe(0); // nothing was signed, nothing generated
  });

  it('keeps one generated secret in the database that every instance shares; a configured secret signs differently', async () => {
    const token = await link('M2', 'quiz', s.setId);
    expect(await t.count('app_secrets')).toBe(1);
    const [row] = await t.db.all<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = 'member_link_secret'`);
    expect(row!.value.length).toBeGreaterThanOrEqual(43);
    const second = createServices({ db: t.db, clock: t.clock });
    expect((await second.verifyMemberLink({ token })).memberId).toBe(s.member.M2);
    await link('M1', 'quiz', s.setId);
    expect(await t.count('app_secrets')).toBe(1);
    const configured = createServices({ db: t.db, clock: t.clock, memberLinkSecret: 'a-configured-secret-of-at-least-32-chars' });
    expect(await codeOf(configured.verifyMemberLink({ token }))).toBe('link_invalid');
    const own = tokenOf((await configured.createMemberLink({ memberId: s.member.M2!, purpose: 'quiz', targetId: s.setId })).path);
    expect((await configured.verifyMemberLink({ token: own })).memberId).toBe(s.member.M2);
    expect(() => createConfig({ MEMBER_LINK_SECRET: 'too-short' })).toThrow(ConfigError);
    expect(createConfig({ MEMBER_LINK_SECRET: 'a-configured-secret-of-at-least-32-chars' }).memberLinkSecret).toBe('a-configured-secret-of-at-least-32-chars');
  });

  it('lists what a member can open now: reply before the meeting, check in at its start, feedback after attending', async () => {
    const purposes = async () => (await t.services.listMemberLinks({ memberId: s.member.M2! })).map((i) => `${i.purpose}:${i.targetId}`);
    expect(await purposes()).toEqual([`quiz:${s.setId}`, `meeting-reply:${s.meetingId}`, `summary:${s.documentId}`]);
    t.clock.set(new Date(s.meetingStartsAt.getTime() - 10 * 60_000));
    expect(await purposes()).toContain(`check-in:${s.meetingId}`);
    await t.services.checkIn({ memberId: s.member.M2!, meetingId: s.meetingId });
    t.clock.set(new Date(s.meetingStartsAt.getTime() + HOUR));
    const items = await t.services.listMemberLinks({ memberId: s.member.M2! });
    expect(items.map((i) => i.purpose)).toContain('feedback');
    const feedback = items.find((i) => i.purpose === 'feedback')!;
    expect((await t.services.verifyMemberLink({ token: tokenOf(feedback.path), expect: ['feedback'] })).memberId).toBe(s.member.M2);
    // Not attended: no feedback link; past the window: no meeting at all.
    expect((await t.services.listMemberLinks({ memberId: s.member.M1! })).map((i) => i.purpose)).not.toContain('feedback');
    t.clock.advance(7 * DAY);
    expect((await t.services.listMemberLinks({ memberId: s.member.M2! })).some((i) => i.kind === 'meeting')).toBe(false);
    expect(await t.services.listMemberLinks({ memberId: s.member.M5! })).toEqual([]);
  });

  it('keeps upcoming meetings in the list when the past week had many the member missed', async () => {
    // Seven meetings held in the past three and a half days, M2 absent from all (no page to offer).
    const now = s.meetingStartsAt.getTime() - 2 * DAY;
    for (let k = 7; k >= 1; k--) {
      t.clock.set(new Date(now - k * 12 * HOUR - HOUR));
      const { meetingId } = await t.services.createMeeting({ organiserId: s.member.M1!, kind: 'khac', startsAt: new Date(t.clock.now().getTime() + HOUR), place: 'Phòng họp', agenda: 'Giao ban' });
      t.clock.advance(3 * HOUR);
      await t.services.markAttendance({ organiserId: s.member.M1!, meetingId, memberId: s.member.M2!, state: 'absent' });
    }
    t.clock.set(new Date(now));
    const meetings = (await t.services.listMemberLinks({ memberId: s.member.M2! })).filter((i) => i.kind === 'meeting');
    expect(meetings.map((i) => `${i.purpose}:${i.targetId}`)).toEqual([`meeting-reply:${s.meetingId}`]);
  });

  it('makes a contest link last until the contest closes, for members of its units only', async () => {
    const closesAt = new Date(t.clock.now().getTime() + 3 * DAY);
    const { contestId } = await t.services.createContest({
      slug: 'thi-thu',
      title: 'Thi tìm hiểu',
      setSlug: 'on-tap-thu',
      opensAt: t.clock.now(),
      closesAt,
      attemptsAllowed: 2,
      askPrediction: false,
      unitCodes: ['CB1'],
    });
    const { path, expiresAt } = await t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'contest', targetId: contestId });
    expect(expiresAt.getTime()).toBe(closesAt.getTime() + 10 * 60_000);
    expect(await codeOf(t.services.createMemberLink({ memberId: s.member.M3!, purpose: 'contest', targetId: contestId }))).toBe('link_not_allowed');
    t.clock.set(expiresAt);
    expect(await codeOf(t.services.verifyMemberLink({ token: tokenOf(path) }))).toBe('link_expired');
  });
});
