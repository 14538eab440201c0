import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { attendanceRate, meetingTexts } from '../../src/locales/vi-meetings';
import type { ServiceErrorCode } from '../../src/services/errors';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { telegramLimits } from '../../src/services/outbox/channel-sender';
import { parseVietnamDateTime } from '../../src/time';
import { createFakeChannel } from '../helpers/fake-channel';
import { HOUR, MINUTE } from '../helpers/fake-clock';
import { csv, smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code: ServiceErrorCode }) => e.code,
  );

let t: TestDb;
let id: Record<string, number>;
const render = () => ({ text: 'Thông báo họp', keyboard: [[{ text: 'Tham dự', data: 'mt:y:1' }]] });

beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster); // CB2: M3 deputy secretary, M4 exempt member
  id = Object.fromEntries((await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, r.id]));
  const { invites } = await t.services.createInvites({ unitCode: 'CS1', ttlHours: 24 });
  for (const [i, inv] of invites.entries()) {
    if (inv.memberCode === 'M4') continue; // M4 never links
    await t.services.acceptInvite({ channel: 'telegram', code: inv.code, externalId: String(700 + i), chatId: String(700 + i) });
  }
});
afterEach(() => t.close());

async function meetingInTwoDays(organiser = 'M3') {
  const startsAt = new Date(t.clock.now().getTime() + 48 * HOUR);
  return t.services.createMeeting({ organiserId: id[organiser]!, kind: 'dinh_ky', startsAt, place: 'Phòng họp tầng 2', agenda: 'Kiểm điểm công tác tháng' });
}

describe('a meeting from notice to minutes', () => {
  it('lets only the unit’s officers create a meeting, and invites its members (exempt ones marked)', async () => {
    expect(await codeOf(meetingInTwoDays('M4'))).toBe('forbidden');
    const [cb2] = await t.db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = 'CB2'`);
    const startsAt = new Date(t.clock.now().getTime() + 48 * HOUR);
    const otherBranch = { organiserId: id.M1!, unitId: cb2!.id, kind: 'dinh_ky' as const, startsAt, place: 'P', agenda: 'A' };
    expect(await codeOf(t.services.createMeeting(otherBranch))).toBe('forbidden'); // secretary of CB1, not CB2
    const { meetingId, invitees } = await meetingInTwoDays();
    expect(invitees).toBe(2);
    const roster = await t.services.meetingRoster({ organiserId: id.M3!, meetingId });
    expect(roster.people.map((p) => [p.fullName, p.attendance, p.linked])).toEqual([
      ['Lê Văn Cường', null, true],
      ['Phạm Thị Dung', 'exempt', false],
    ]);
  });

  it('sends the notice through the outbox to linked invitees and names those not linked', async () => {
    const { meetingId } = await meetingInTwoDays();
    const sent = await t.services.sendMeetingNotice({ meetingId, organiserId: id.M3!, render });
    expect(sent).toMatchObject({ queued: 1, notLinked: ['Phạm Thị Dung'] });
    const again = await t.services.sendMeetingNotice({ meetingId, organiserId: id.M3!, render });
    expect(again.queued).toBe(0);
    const fake = createFakeChannel();
    await createOutboxSender({ ctx: { db: t.db, clock: t.clock, actor: 'test' }, sender: fake.channel, limits: telegramLimits, logger: silentLogger }).drain();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.keyboard?.[0]?.[0]?.data).toBe('mt:y:1');
  });

  it('takes replies until the start, check-ins around it, and writes the attendance part of the minutes', async () => {
    const { meetingId } = await meetingInTwoDays();
    await t.services.replyToMeeting({ memberId: id.M3!, meetingId, reply: 'excused', reason: 'Đi công tác' });
    await t.services.replyToMeeting({ memberId: id.M3!, meetingId, reply: 'attending' });
    expect(await codeOf(t.services.checkIn({ memberId: id.M3!, meetingId }))).toBe('check_in_closed');

    t.clock.advance(48 * HOUR + 20 * MINUTE); // 20 minutes after the start
    expect(await codeOf(t.services.replyToMeeting({ memberId: id.M3!, meetingId, reply: 'excused', reason: 'x' }))).toBe('meeting_started');
    expect(await t.services.checkIn({ memberId: id.M3!, meetingId })).toEqual({ state: 'late' });
    expect(await t.services.checkIn({ memberId: id.M3!, meetingId })).toEqual({ state: 'late' });

    const roster = await t.services.meetingRoster({ organiserId: id.M3!, meetingId });
    expect(attendanceRate(roster)).toBe(1); // the exempt member is not counted
    const minutes = meetingTexts.minutes(roster);
    expect(minutes).toContain('phải dự: 1');
    expect(minutes).toContain('Có mặt: 1/1 đồng chí (100%), trong đó đến muộn 1: Lê Văn Cường');
    expect(minutes).toContain('Miễn sinh hoạt (1): Phạm Thị Dung');

    await t.services.markAttendance({ organiserId: id.M3!, meetingId, memberId: id.M3!, state: 'excused', reason: 'Ốm' });
    const after = meetingTexts.minutes(await t.services.meetingRoster({ organiserId: id.M3!, meetingId }));
    expect(after).toContain('Có mặt: 0/1');
    expect(after).toContain('Vắng có lý do (1): Lê Văn Cường (Ốm)');
    expect(await codeOf(t.services.markAttendance({ organiserId: id.M4!, meetingId, memberId: id.M3!, state: 'present' }))).toBe('forbidden');
  });
});

describe('attachments', () => {
  it('refuses to attach a document the organiser may not read, creating nothing', async () => {
    const text = 'ĐẢNG ỦY KHỐI\nSố 31-NQ/ĐUK\n\nNGHỊ QUYẾT\nvề việc thử\n\nI. MỤC TIÊU\n1. Phấn đấu 100% đảng viên học tập.\n';
    const { documentId } = await t.services.importDocument({ text, sourceName: 'x.txt', unitCodes: ['CBCS'] });
    const startsAt = new Date(t.clock.now().getTime() + 48 * HOUR);
    const forged = t.services.createMeeting({ organiserId: id.M3!, kind: 'dinh_ky', startsAt, place: 'P', agenda: 'A', documentIds: [documentId] });
    expect(await codeOf(forged)).toBe('not_found');
    expect(await t.count('meetings')).toBe(0);
    expect(await t.count('document_units')).toBe(1);
  });
});

describe('guides from a higher committee', () => {
  it('invites a committee member assigned to the unit to each new meeting, as a guide', async () => {
    await t.services.importMembers(csv('code,full_name,unit_code,role\nG1,Võ Thị Giang,CS1,cấp ủy viên\n'));
    await expect(t.services.assignGuide({ unitCode: 'CB2', memberCode: 'M1' })).rejects.toMatchObject({ code: 'invalid_input' }); // a branch secretary, not above CB2
    await t.services.assignGuide({ unitCode: 'CB2', memberCode: 'G1' });
    const { meetingId } = await meetingInTwoDays();
    const roster = await t.services.meetingRoster({ organiserId: id.M3!, meetingId });
    expect(roster.people.filter((p) => p.isGuide).map((p) => p.fullName)).toEqual(['Võ Thị Giang']);
  });

  it('lets a guide read the documents attached to a meeting they are invited to, and nothing else of the unit', async () => {
    await t.services.importMembers(csv('code,full_name,unit_code,role\nG1,Võ Thị Giang,CS1,cấp ủy viên\n'));
    const [g1] = await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'G1'`);
    await t.services.assignGuide({ unitCode: 'CB2', memberCode: 'G1' });
    const doc = (n: string) => `ĐẢNG ỦY KHỐI\nSố ${n}-NQ/ĐUK\n\nNGHỊ QUYẾT\nvề việc thử ${n}\n\nI. MỤC TIÊU\n1. Phấn đấu 100% đảng viên học tập.\n`;
    const attached = await t.services.importDocument({ text: doc('41'), sourceName: 'a.txt', unitCodes: ['CB2'] });
    const other = await t.services.importDocument({ text: doc('42'), sourceName: 'b.txt', unitCodes: ['CB2'] });
    expect(await codeOf(t.services.openMemberDocument({ memberId: g1!.id, documentId: attached.documentId }))).toBe('not_found');
    const startsAt = new Date(t.clock.now().getTime() + 48 * HOUR);
    await t.services.createMeeting({ organiserId: id.M3!, kind: 'dinh_ky', startsAt, place: 'P', agenda: 'A', documentIds: [attached.documentId] });
    expect((await t.services.openMemberDocument({ memberId: g1!.id, documentId: attached.documentId })).id).toBe(attached.documentId);
    expect(await codeOf(t.services.openMemberDocument({ memberId: g1!.id, documentId: other.documentId }))).toBe('not_found');
  });
});

describe('anonymous feedback', () => {
  it('leaves names out of the feedback of a unit that chose anonymity', async () => {
    await t.services.setAnonymousFeedback({ unitCode: 'CB2', anonymous: true });
    const { meetingId } = await meetingInTwoDays();
    t.clock.advance(48 * HOUR);
    await t.services.checkIn({ memberId: id.M3!, meetingId });
    await t.services.submitFeedback({ memberId: id.M3!, meetingId, score: 4, comment: 'Cần chuẩn bị tài liệu sớm hơn' });
    const summary = await t.services.feedbackSummary({ organiserId: id.M3!, meetingId });
    expect(summary).toEqual({ count: 1, average: 4, comments: [{ author: null, text: 'Cần chuẩn bị tài liệu sớm hơn' }] });
  });
});

describe('parseVietnamDateTime', () => {
  it('reads times typed in Vietnam time', () => {
    const now = new Date('2026-11-22T03:00:00Z');
    expect(parseVietnamDateTime('20/12/2026 14:00', now)?.toISOString()).toBe('2026-12-20T07:00:00.000Z');
    expect(parseVietnamDateTime('14h30 ngày 5/1', now)?.toISOString()).toBe('2027-01-05T07:30:00.000Z'); // no year, already past: next year
    expect(parseVietnamDateTime('25/11 08:00', now)?.toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(parseVietnamDateTime('31/2/2027 08:00', now)).toBeNull();
    expect(parseVietnamDateTime('mai nhé', now)).toBeNull();
  });
});
