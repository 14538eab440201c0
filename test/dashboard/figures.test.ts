import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeRoster, memberId, seedActivity, signIn, unitId } from '../helpers/dashboard';
import { createTestApp } from '../helpers/test-app';

const nq02 = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Awaited<ReturnType<typeof signIn>>;
let documentId: number;
let K: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.importMembers(committeeRoster);
  await seedActivity(t.db, t.clock);
  // The units joined the product in July, so July–November meetings are required.
  await t.db.run(sql`UPDATE units SET created_at = ${Date.UTC(2026, 6, 1)}`);
  K = await unitId(t.db, 'K');
  ({ documentId } = await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt', unitCodes: ['K'] }));
  const now = t.clock.now().getTime();
  for (const code of ['M1', 'M3']) {
    await t.db.run(sql`INSERT INTO document_study (document_id, member_id, received_at, opened_at, confirmed_at)
      VALUES (${documentId}, ${await memberId(t.db, code)}, ${now}, ${now}, ${now})`);
  }
  // Two finished attempts on a 10-question set with an 80% pass mark: 8/10 (passes) and 5/10.
  const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, pass_percent, created_at, updated_at)
    VALUES ('nq02', 'Tìm hiểu Nghị quyết 02', 80, ${now}, ${now}) RETURNING id`);
  for (const [code, correct] of [['M1', 8], ['M2', 5]] as const) {
    await t.db.run(sql`INSERT INTO quiz_attempts (set_id, member_id, question_ids, option_orders, started_at, finished_at, correct_count)
      VALUES (${set!.id}, ${await memberId(t.db, code)}, '[1,2,3,4,5,6,7,8,9,10]', '[]', ${now - 600_000}, ${now - 60_000}, ${correct})`);
  }
  admin = await signIn(t.chibo.app, t.services, { admin: true });
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON read back by the test, checked field by field
const api = async (path: string): Promise<any> => ((await (await admin.get(path)).json()) as { data: unknown }).data;

describe('dashboard figures', () => {
  it('counts the overview of the whole tree from stored activity', async () => {
    const o = await api(`/dashboard/api/overview?unit=${K}`);
    expect(o.totals).toMatchObject({
      members: 6,
      linked: 0,
      meetingsDueThisMonth: 4, // CB1, CB2, CBCS regular; CS1 committee
      meetingsHeldThisMonth: 1, // CB1 met two hours ago
      meetingsDueHalfYear: 17, // 4 units × July–October, and November only where held (CB1): the month is under way
      meetingsHeldHalfYear: 3, // CB1 October and November, CB2 October
      feedbackAverage: 3,
    });
    expect(o.totals.attendanceRate).toBeCloseTo(2 / 3); // CB1: 1 of 2, CB2: 1 of 1 (late counts, exempt does not)
    expect(o.totals.studyRate).toBeCloseTo(2 / 6);
    expect(o.totals.quizParticipationRate).toBeCloseTo(2 / 6);
    expect(o.totals.quizAverage).toBeCloseTo(13 / 20);
    expect(o.totals.quizPassRate).toBeCloseTo(1 / 6);
    expect(o.attendanceByMonth.at(-2)).toMatchObject({ meetings: 2 });
    expect(o.documents).toEqual([expect.objectContaining({ documentId, due: 6, confirmed: 2 })]);
    expect(o.attention.map((a: { code: string }) => a.code)).toContain('CBCS');
  });

  it('breaks figures down by the units under the chosen one and by type', async () => {
    const u = await api(`/dashboard/api/units?unit=${K}`);
    const rows = Object.fromEntries(u.rows.map((r: { code: string; rates: object }) => [r.code, r.rates]));
    expect(rows.CS1).toMatchObject({ members: 5, meetingsHeldHalfYear: 3, meetingsDueHalfYear: 13 });
    expect(rows.CS1.attendanceRate).toBeCloseTo(2 / 3);
    expect(rows.CBCS).toMatchObject({ members: 1, meetingsHeldHalfYear: 0, meetingsDueHalfYear: 4, attendanceRate: null });
    const byType = Object.fromEntries(u.byType.map((g: { type: string; organisations: number; rates: { members: number } }) => [g.type, [g.organisations, g.rates.members]]));
    expect(byType).toEqual({ co_quan_hanh_chinh: [1, 5], don_vi_su_nghiep: [1, 1] });
  });

  it('fills the compliance matrix with held and required meetings per month', async () => {
    const m = await api(`/dashboard/api/meetings?unit=${K}`);
    const cs1 = m.rows.find((r: { code: string }) => r.code === 'CS1');
    expect(cs1.cells.at(-2)).toMatchObject({ due: 3, held: 2 }); // October
    expect(cs1.cells.at(-1)).toMatchObject({ due: 3, held: 1 }); // November
    expect(cs1.cells.at(0)).toMatchObject({ due: 0, held: 0 }); // before the units joined
    const page = await (await admin.get(`/dashboard/meetings?unit=${K}`)).text();
    expect(page).toContain('2 / 3');
  });

  it('lists each meeting with its replies, attendance and feedback', async () => {
    const m = await api(`/dashboard/api/meetings?unit=${K}`);
    const row = (unitName: string, newest: boolean) =>
      m.list.filter((r: { unitName: string }) => r.unitName === unitName).sort((a: { startsAt: string }, b: { startsAt: string }) => (a.startsAt < b.startsAt ? 1 : -1))[newest ? 0 : 1];
    const pick = ({ invitees, attending, excused, present, absent, feedbackAverage }: Record<string, unknown>) => ({ invitees, attending, excused, present, absent, feedbackAverage });
    // CB1 October: M1 replied and came, M2 did not reply and was absent; feedback 4 and 2.
    expect(pick(row('Chi bộ Văn phòng', false))).toEqual({ invitees: 2, attending: 1, excused: 0, present: 1, absent: 1, feedbackAverage: 3 });
    // CB1 November: M1 attending, M2 excused, attendance not taken yet.
    expect(pick(row('Chi bộ Văn phòng', true))).toEqual({ invitees: 2, attending: 1, excused: 1, present: 0, absent: 0, feedbackAverage: null });
    // CB2 October: M3 late (counts as present), M4 exempt.
    expect(pick(row('Chi bộ Kế toán', true))).toEqual({ invitees: 2, attending: 1, excused: 0, present: 1, absent: 0, feedbackAverage: null });
  });

  it('refuses a bad target with what the field needs, and stores nothing', async () => {
    const before = await t.count('dashboard_targets');
    const tooHigh = await admin.post(`/dashboard/targets?unit=${K}`, { _csrf: admin.csrf, metric: 'attendance', value: '150', label: 'Quá cao' });
    expect(tooHigh.status).toBe(400);
    expect(await tooHigh.text()).toContain('từ 0 đến 100');
    const unlabelled = await admin.post(`/dashboard/targets?unit=${K}`, { _csrf: admin.csrf, metric: 'attendance', value: '90' });
    expect(unlabelled.status).toBe(400);
    expect(await unlabelled.text()).toContain('Chỉ tiêu cần có nội dung');
    expect(await t.count('dashboard_targets')).toBe(before);
  });

  it('measures targets against what the product counts', async () => {
    await admin.post(`/dashboard/targets?unit=${K}`, { _csrf: admin.csrf, metric: 'attendance', value: '90', label: 'Tỷ lệ đảng viên dự sinh hoạt đạt 90% trở lên' });
    const [picked] = await t.db.all<{ id: number }>(sql`SELECT id FROM document_targets WHERE document_id = ${documentId} LIMIT 1`);
    await admin.post(`/dashboard/targets?unit=${K}`, { _csrf: admin.csrf, metric: 'study_confirmed', value: '100', documentTargetId: String(picked!.id) });
    const o = await api(`/dashboard/api/overview?unit=${K}`);
    const byMetric = Object.fromEntries(o.targets.map((x: { metric: string; actual: number; documentId: number | null }) => [x.metric, x]));
    expect(byMetric.attendance.actual).toBeCloseTo(200 / 3);
    expect(byMetric.study_confirmed.actual).toBeCloseTo(100 / 3);
    expect(byMetric.study_confirmed.documentId).toBe(documentId);
    const page = await (await admin.get(`/dashboard/targets?unit=${K}`)).text();
    expect(page).toContain('Tỷ lệ đảng viên dự sinh hoạt đạt 90% trở lên');
    expect(page).toContain('Chưa đạt');

    // A secretary of CB1 sees the province-level targets measured on the branch alone.
    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    const own = await (await secretary.get('/dashboard/api/overview')).json().then((j) => (j as { data: { targets: { metric: string; actual: number }[] } }).data);
    expect(own.targets.find((x) => x.metric === 'attendance')?.actual).toBeCloseTo(50);
  });

  it('exports the same rows as the page, with Vietnamese headers, to CSV and Excel', async () => {
    const csv = await (await admin.get(`/dashboard/export/units/units.csv?unit=${K}`)).text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('Đơn vị,Loại,Đảng viên,Đã kết nối (%),Sinh hoạt tháng này (%),Sinh hoạt đủ 6 tháng (%),Dự sinh hoạt (%),Học tập NQ (%),Tham gia ôn tập (%),Điểm TB (%),Đánh giá');
    expect(lines).toContain('Đảng bộ Sở Xây dựng,Đảng bộ cơ sở,5,0,33.3,23.1,66.7,40,40,65,3');

    const response = await admin.get(`/dashboard/export/units/units.xlsx?unit=${K}`);
    expect(response.headers.get('content-disposition')).toContain('chibo-units-units.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Đơn vị');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const cs1 = sheet.getRow(2).values as unknown[];
    expect(cs1.slice(1)).toEqual(['Đảng bộ Sở Xây dựng', 'Đảng bộ cơ sở', 5, 0, 33.3, 23.1, 66.7, 40, 40, 65, 3]);
  });

  it('reports study coverage per document down the tree: the units under the chosen one, then its own members', async () => {
    const cells = (report: { rows: { code: string; hasChildren: boolean; cells: { due: number; confirmed: number }[] }[] }) =>
      report.rows.map((r) => [r.code, r.hasChildren, r.cells.map((c) => [c.due, c.confirmed])]);
    // The whole province: the bloc the document went to (6 members, M1 and M3 confirmed).
    expect(cells(await api('/dashboard/api/documents'))).toEqual([['K', true, [[6, 2]]]]);
    // The bloc, whose committee has no members of its own: its đảng bộ (CB1, CB2 and M6 of the committee) and its chi bộ cơ sở.
    expect(cells(await api(`/dashboard/api/documents?unit=${K}`))).toEqual([
      ['CS1', true, [[5, 2]]],
      ['CBCS', false, [[1, 0]]],
    ]);
    // The đảng bộ: its two chi bộ, then a row of its own for its committee member M6.
    expect(cells(await api(`/dashboard/api/documents?unit=${await unitId(t.db, 'CS1')}`))).toEqual([
      ['CB1', false, [[2, 1]]],
      ['CB2', false, [[2, 1]]],
      ['CS1', true, [[1, 0]]],
    ]);
  });

  it('approves a draft summary from the document page, and members then see it', async () => {
    // The document was sent down from the bloc: a đảng bộ committee below may not approve its one summary.
    const lower = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M6') });
    expect(await (await lower.get(`/dashboard/document?id=${documentId}`)).text()).not.toContain('Duyệt tất cả');
    expect((await lower.post(`/dashboard/document/approve?id=${documentId}`, { _csrf: lower.csrf })).status).toBe(403);
    const before = await (await admin.get(`/dashboard/document?id=${documentId}`)).text();
    expect(before).toContain('chờ duyệt');
    const approve = await admin.post(`/dashboard/document/approve?id=${documentId}`, { _csrf: admin.csrf });
    expect(approve.status).toBe(303);
    const [drafts] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM document_summaries WHERE document_id = ${documentId} AND status = 'draft'`);
    expect(Number(drafts!.n)).toBe(0);
    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    expect((await secretary.post(`/dashboard/document/approve?id=${documentId}`, { _csrf: secretary.csrf })).status).toBe(403);
  });

  it('lists a branch’s members with link state and last activity, and no phone numbers', async () => {
    const page = await (await admin.get(`/dashboard/members?unit=${await unitId(t.db, 'CB1')}`)).text();
    expect(page).toContain('Nguyễn Văn An');
    expect(page).toContain('Chưa kết nối');
    expect(page).not.toContain('0912');
    const data = await api(`/dashboard/api/members?unit=${await unitId(t.db, 'CB1')}`);
    expect(data.rows.find((r: { fullName: string }) => r.fullName === 'Nguyễn Văn An').lastActivityAt).not.toBeNull();
  });
});
