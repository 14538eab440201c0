import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeRoster, memberId, seedActivity, signIn, unitId } from '../helpers/dashboard';
import { csv } from '../helpers/tables';
import { createTestApp } from '../helpers/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: { K: number; CS1: number; CB1: number; CB2: number; CBCS: number };
let meetings: Awaited<ReturnType<typeof seedActivity>>;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.importMembers(committeeRoster);
  meetings = await seedActivity(t.db, t.clock);
  ids = { K: 0, CS1: 0, CB1: 0, CB2: 0, CBCS: 0 };
  for (const code of Object.keys(ids) as (keyof typeof ids)[]) ids[code] = await unitId(t.db, code);
});
afterAll(() => t.close());

/** Every kind of route that takes a unit, as a browser or a script would call it. */
const routesFor = (unit: number) => [
  `/dashboard?unit=${unit}`,
  `/dashboard/units?unit=${unit}`,
  `/dashboard/meetings?unit=${unit}`,
  `/dashboard/documents?unit=${unit}`,
  `/dashboard/quizzes?unit=${unit}`,
  `/dashboard/members?unit=${unit}`,
  `/dashboard/targets?unit=${unit}`,
  `/dashboard/api/overview?unit=${unit}`,
  `/dashboard/api/units?unit=${unit}`,
  `/dashboard/export/units/units.csv?unit=${unit}`,
  `/dashboard/export/meetings/compliance.xlsx?unit=${unit}`,
  `/dashboard/export/members/members.csv?unit=${unit}`,
];

describe('what each role may see', () => {
  it('lets a branch secretary see the branch and nothing else', async () => {
    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    for (const path of routesFor(ids.CB1)) expect([path, (await secretary.get(path)).status]).toEqual([path, 200]);
    for (const unit of [ids.CB2, ids.CS1, ids.K, ids.CBCS]) {
      for (const path of routesFor(unit)) expect([path, (await secretary.get(path)).status]).toEqual([path, 403]);
    }
    expect((await secretary.get(`/dashboard/meeting?id=${meetings.cb1Oct}`)).status).toBe(200);
    expect((await secretary.get(`/dashboard/meeting?id=${meetings.cb2Oct}`)).status).toBe(403);
    expect((await secretary.get(`/dashboard/api/meeting?id=${meetings.cb2Oct}`)).status).toBe(403);
    // Without a unit, pages show the secretary's own branch only.
    const overview = (await (await secretary.get('/dashboard/api/units')).json()) as { data: { unit: { name: string }; total: { members: number } } };
    expect(overview.data.unit.name).toBe('Chi bộ Văn phòng');
    expect(overview.data.total.members).toBe(2);
  });

  it('lets a committee member of a đảng bộ see its branches but not a neighbouring one', async () => {
    const committee = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M6') });
    for (const unit of [ids.CS1, ids.CB1, ids.CB2]) {
      for (const path of routesFor(unit)) expect([path, (await committee.get(path)).status]).toEqual([path, 200]);
    }
    for (const unit of [ids.CBCS, ids.K]) {
      for (const path of routesFor(unit)) expect([path, (await committee.get(path)).status]).toEqual([path, 403]);
    }
    const units = (await (await committee.get('/dashboard/api/units')).json()) as { data: { rows: { name: string }[] } };
    expect(units.data.rows.map((r: { name: string }) => r.name)).toEqual(['Chi bộ Văn phòng', 'Chi bộ Kế toán']);
    expect((await committee.get(`/dashboard/meeting?id=${meetings.cb2Oct}`)).status).toBe(200);
  });

  it('lets an admin see every unit', async () => {
    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    for (const unit of Object.values(ids)) {
      for (const path of routesFor(unit)) expect([path, (await admin.get(path)).status]).toEqual([path, 200]);
    }
  });

  it('answers 401 without a session, on pages, JSON and exports alike', async () => {
    for (const path of routesFor(ids.CB1)) {
      const response = await t.chibo.app.request(path);
      expect([path, response.status]).toEqual([path, 401]);
    }
    const forged = await t.chibo.app.request('/dashboard/api/overview', { headers: { cookie: 'chibo_session=forged-value' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ ok: false, error: 'unauthorised' });
  });

  it('refuses forms without the CSRF token or from another origin, and writes nothing', async () => {
    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    const target = { metric: 'attendance', value: '90', label: 'Tỷ lệ dự sinh hoạt đạt 90% trở lên' };
    expect((await admin.post('/dashboard/targets', target)).status).toBe(403);
    expect((await admin.post('/dashboard/targets', { ...target, _csrf: 'wrong' })).status).toBe(403);
    expect((await admin.post('/dashboard/targets', { ...target, _csrf: admin.csrf }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await admin.post('/dashboard/sign-out', {})).status).toBe(403);
    expect(await t.count('dashboard_targets')).toBe(0);
    expect((await admin.get('/dashboard')).status).toBe(200);

    const ok = await admin.post('/dashboard/targets', { ...target, _csrf: admin.csrf });
    expect(ok.status).toBe(303);
    expect(await t.count('dashboard_targets')).toBe(1);
  });

  it('lets secretaries read targets but not set or remove them', async () => {
    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    const page = await (await secretary.get('/dashboard/targets')).text();
    expect(page).toContain('Chỉ cấp ủy cấp trên đặt chỉ tiêu');
    expect(page).not.toContain('name="metric"');
    const before = await t.count('dashboard_targets');
    expect((await secretary.post('/dashboard/targets', { metric: 'attendance', value: '50', label: 'x', _csrf: secretary.csrf })).status).toBe(403);
    const [target] = await t.db.all<{ id: number }>(sql`SELECT id FROM dashboard_targets LIMIT 1`);
    if (target) expect((await secretary.post(`/dashboard/targets/delete?id=${target.id}`, { _csrf: secretary.csrf })).status).toBe(403);
    expect(await t.count('dashboard_targets')).toBe(before);
  });

  it('logs every export with what was exported and by whom, without the content', async () => {
    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    await admin.get(`/dashboard/export/members/members.csv?unit=${ids.CB1}`);
    const [row] = await t.db.all<{ actor: string; details: string }>(sql`SELECT actor, details FROM audit_log WHERE action = 'dashboard.export' ORDER BY id DESC LIMIT 1`);
    expect(row!.actor).toBe('web:admin');
    expect(JSON.parse(row!.details)).toEqual({ page: 'members', table: 'members', format: 'csv', rows: 2 });
    expect(row!.details).not.toContain('Nguyễn');
  });

  it('keeps quiz sets and contests of other units out of reach, and contest-wide figures out of the data', async () => {
    const now = t.clock.now().getTime();
    const [set] = await t.db.all<{ id: number }>(sql`INSERT INTO quiz_sets (slug, title, created_at, updated_at) VALUES ('cbcs-only', 'Bộ câu hỏi riêng CBCS', ${now}, ${now}) RETURNING id`);
    await t.db.run(sql`INSERT INTO quiz_set_units (set_id, unit_id) VALUES (${set!.id}, ${ids.CBCS})`);
    await t.db.run(sql`INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, tags) VALUES (${set!.id}, 'q1', 1, 'Câu hỏi?', '["A","B","C"]', '[2]', 'Vì…', '[]')`);
    const [contest] = await t.db.all<{ id: number }>(sql`INSERT INTO contests (slug, title, set_id, opens_at, closes_at, created_at)
      VALUES ('cbcs-contest', 'Cuộc thi CBCS', ${set!.id}, ${now - 3600_000}, ${now + 86_400_000}, ${now}) RETURNING id`);
    await t.db.run(sql`INSERT INTO contest_units (contest_id, unit_id) VALUES (${contest!.id}, ${ids.CBCS})`);

    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    expect((await secretary.get(`/dashboard/api/quiz-set?id=${set!.id}`)).status).toBe(403);
    expect((await secretary.get(`/dashboard/api/contest?id=${contest!.id}`)).status).toBe(403);
    const listed = JSON.stringify(await (await secretary.get('/dashboard/api/quizzes')).json());
    expect(listed).not.toContain('CBCS');

    const cbcs = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M5') });
    const stats = JSON.stringify(await (await cbcs.get(`/dashboard/api/quiz-set?id=${set!.id}`)).json());
    expect(stats).toContain('"optionsHidden":true');
    expect(stats).not.toContain('"correct"');
    const board = JSON.stringify(await (await cbcs.get(`/dashboard/api/contest?id=${contest!.id}`)).json());
    expect(board).not.toContain('perfectEntrants');
    expect(board).not.toContain('memberCode');
  });

  it('treats a branch committee member (chi ủy viên) like the branch secretary: no targets, no approvals', async () => {
    await t.services.importMembers(csv(`
code,full_name,unit_code,role,status,phone,birth_year,exempt
M7,Đỗ Thị Hoa,CB1,cấp ủy viên,chính thức,,1985,
`));
    const branchCommittee = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M7') });
    expect((await branchCommittee.get(`/dashboard/units?unit=${ids.CB2}`)).status).toBe(403);
    const before = await t.count('dashboard_targets');
    expect((await branchCommittee.post('/dashboard/targets', { metric: 'attendance', value: '50', label: 'x', _csrf: branchCommittee.csrf })).status).toBe(403);
    expect(await t.count('dashboard_targets')).toBe(before);
  });

  it('answers bad input with a clear page and writes nothing', async () => {
    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    const before = await t.count('dashboard_targets');
    const forms: Record<string, string>[] = [
      { metric: 'attendance', value: '150', label: 'Quá 100%' },
      { metric: 'feedback_average', value: '6', label: 'Quá thang 5' },
      { metric: 'attendance', value: '90' }, // neither a picked nor a typed target
      { metric: 'not-a-metric', value: '90', label: 'x' },
      { metric: 'attendance', value: 'chín mươi', label: 'x' },
    ];
    for (const form of forms) {
      const response = await admin.post('/dashboard/targets', { ...form, _csrf: admin.csrf });
      expect([form, response.status]).toEqual([form, 400]);
      expect(await response.text()).toContain('Thông tin chưa hợp lệ');
    }
    expect(await t.count('dashboard_targets')).toBe(before);

    const huge = await admin.post('/dashboard/targets', { label: 'x'.repeat(70_000), metric: 'attendance', value: '1', _csrf: admin.csrf });
    expect(huge.status).toBe(413);
    expect(await t.count('dashboard_targets')).toBe(before);

    expect((await admin.get('/dashboard/meeting')).status).toBe(400);
    expect((await admin.get('/dashboard/meeting?id=abc')).status).toBe(400);
    expect((await admin.get('/dashboard/meeting?id=999999')).status).toBe(404);
    expect((await admin.get('/dashboard/no-such-page')).status).toBe(404);
    expect((await admin.get('/dashboard/export/units/nothing.csv')).status).toBe(404);
    const members = await admin.get('/dashboard/members');
    expect(members.status).toBe(200);
    expect(await members.text()).toContain('Chọn một chi bộ ở trang Đơn vị');
  });
});
