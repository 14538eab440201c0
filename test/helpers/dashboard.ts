import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Database } from '../../src/db/client';
import type { Services } from '../../src/services';
import { csv } from './tables';
import { DAY, type FakeClock, HOUR } from './fake-clock';

/** A committee member of the đảng bộ CS1 (sees CB1 and CB2), added to the small roster. */
export const committeeRoster = csv(`
code,full_name,unit_code,role,status,phone,birth_year,exempt
M6,Vũ Văn Giang,CS1,cấp ủy viên,chính thức,,1968,
`);

export async function memberId(db: Database, code: string): Promise<number> {
  const [row] = await db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = ${code}`);
  if (!row) throw new Error(`no member ${code}`);
  return row.id;
}

export async function unitId(db: Database, code: string): Promise<number> {
  const [row] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE code = ${code}`);
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

/** A browser on the dashboard: signs in through a minted link and keeps the cookie. */
export async function signIn(app: Hono, services: Services, who: { memberId: number } | { admin: true }, origin = 'https://chibo.example.org') {
  const { token } = await services.createSignInLink(who, 'test');
  const response = await app.request('/dashboard/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await app.request('/dashboard', { headers: { cookie } });
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  return {
    response,
    cookie,
    csrf,
    get: (path: string) => app.request(path, { headers: { cookie } }),
    post: (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
        body: new URLSearchParams(form).toString(),
      }),
  };
}

/**
 * Known activity for the small tree, with figures a test can check by hand (clock at
 * 2026-11-02 08:00 Vietnam time):
 * - CB1 (M1, M2): October and November regular meetings; October: M1 present, M2 absent.
 * - CB2 (M3, M4 exempt): October regular meeting, M3 late, M4 exempt; none in November.
 * - CBCS (M5): no meetings at all.
 * - Feedback on CB1's October meeting: 4 and 2.
 */
export async function seedActivity(db: Database, clock: FakeClock) {
  const now = clock.now().getTime();
  const [cb1, cb2] = [await unitId(db, 'CB1'), await unitId(db, 'CB2')];
  const [m1, m2, m3, m4] = [await memberId(db, 'M1'), await memberId(db, 'M2'), await memberId(db, 'M3'), await memberId(db, 'M4')];
  const october = now - 20 * DAY;
  const november = now - 2 * HOUR;
  const meeting = async (unit: number, startsAt: number) => {
    const [row] = await db.all<{ id: number }>(sql`
      INSERT INTO meetings (unit_id, kind, starts_at, place, agenda, created_at)
      VALUES (${unit}, 'dinh_ky', ${startsAt}, 'Hội trường', 'Sinh hoạt định kỳ', ${now}) RETURNING id`);
    return row!.id;
  };
  const cb1Oct = await meeting(cb1, october);
  const cb1Nov = await meeting(cb1, november);
  const cb2Oct = await meeting(cb2, october);
  await db.run(sql`INSERT INTO meeting_invitees (meeting_id, member_id, reply, attendance) VALUES
    (${cb1Oct}, ${m1}, 'attending', 'present'), (${cb1Oct}, ${m2}, NULL, 'absent'),
    (${cb1Nov}, ${m1}, 'attending', NULL), (${cb1Nov}, ${m2}, 'excused', NULL),
    (${cb2Oct}, ${m3}, 'attending', 'late'), (${cb2Oct}, ${m4}, NULL, 'exempt')`);
  await db.run(sql`INSERT INTO meeting_feedback (meeting_id, member_id, score, comment, created_at) VALUES
    (${cb1Oct}, ${m1}, 4, 'Nội dung thiết thực', ${now}), (${cb1Oct}, ${m2}, 2, NULL, ${now})`);
  return { cb1Oct, cb1Nov, cb2Oct };
}
