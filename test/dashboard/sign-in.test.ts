import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { pruneDashboardAccess } from '../../src/services/dashboard/prune-dashboard-access';
import { committeeRoster, memberId, signIn } from '../helpers/dashboard';
import { MINUTE } from '../helpers/fake-clock';
import { createTestApp } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
  await t.services.importMembers(committeeRoster);
});
afterEach(() => t.close());

const postToken = (token: string) =>
  t.chibo.app.request('/dashboard/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://chibo.example.org' },
    body: new URLSearchParams({ token }).toString(),
  });

describe('signing in to the dashboard', () => {
  it('gives a secretary a one-time link in the bot that opens a session, once', async () => {
    const code = await t.invite('M1');
    await t.post(textUpdate(9101, `/start ${code}`));
    await t.post(callbackUpdate(9101, `consent:yes:${code}`));
    await t.post(textUpdate(9101, '/dashboard'));
    const reply = t.api.sent().at(-1)!;
    const url = reply.match(/https:\/\/chibo\.example\.org\/dashboard\/sign-in\?token=([\w-]+)/);
    expect(reply).toContain('chỉ dùng một lần');
    expect(url).not.toBeNull();

    // Opening the link (or a link preview fetching it) only shows a button: the token is not spent.
    const landing = await t.chibo.app.request(`/dashboard/sign-in?token=${url![1]}`);
    expect(await landing.text()).toContain('Đăng nhập');
    // The token never leaves in a Referer to another site.
    expect(landing.headers.get('referrer-policy')).toBe('same-origin');

    const first = await postToken(url![1]!);
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const page = await t.chibo.app.request('/dashboard', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Chi bộ Văn phòng');

    const replay = await postToken(url![1]!);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('đã được dùng');
    expect(replay.headers.get('set-cookie')).toBeNull();

    const [audit] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'dashboard.sign_in'`);
    expect(Number(audit!.n)).toBe(1);
  });

  it('refuses /dashboard to ordinary members and in group chats', async () => {
    const code = await t.invite('M2');
    await t.post(textUpdate(9102, `/start ${code}`));
    await t.post(callbackUpdate(9102, `consent:yes:${code}`));
    await t.post(textUpdate(9102, '/dashboard'));
    expect(t.api.sent().at(-1)).toContain('chỉ dành cho bí thư');
    expect(await t.count('dashboard_sign_in_links')).toBe(0);
  });

  it('refuses expired, tampered and unknown links with a clear reason, and opens no session', async () => {
    const { token } = await t.services.createSignInLink({ memberId: await memberId(t.db, 'M1') });
    const tampered = await postToken(`${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('không đúng');

    t.clock.advance(11 * MINUTE);
    const late = await postToken(token);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('hết hạn');
    expect(await t.count('dashboard_sessions')).toBe(0);
  });

  it('ends the session at once when the member loses the role, and on sign-out', async () => {
    const secretary = await signIn(t.chibo.app, t.services, { memberId: await memberId(t.db, 'M1') });
    expect((await secretary.get('/dashboard')).status).toBe(200);
    await t.db.run(sql`UPDATE members SET role = 'member' WHERE code = 'M1'`);
    const after = await secretary.get('/dashboard');
    expect(after.status).toBe(401);
    expect(await after.text()).toContain('/dashboard');

    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    expect((await admin.post('/dashboard/sign-out', { _csrf: admin.csrf })).status).toBe(200);
    expect((await admin.get('/dashboard')).status).toBe(401);
  });

  it('sends security headers and no-store on dashboard pages', async () => {
    const admin = await signIn(t.chibo.app, t.services, { admin: true });
    const page = await admin.get('/dashboard');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('prunes expired sessions at once and spent links after a day, so a late click still says expired', async () => {
    await signIn(t.chibo.app, t.services, { admin: true });
    const { token } = await t.services.createSignInLink({ admin: true });
    t.clock.advance(9 * 60 * MINUTE);
    await pruneDashboardAccess({ ctx: { db: t.db, clock: t.clock, actor: 'system' }, input: undefined });
    expect(await t.count('dashboard_sessions')).toBe(0);
    expect(await (await postToken(token)).text()).toContain('hết hạn');
    t.clock.advance(24 * 60 * MINUTE);
    await pruneDashboardAccess({ ctx: { db: t.db, clock: t.clock, actor: 'system' }, input: undefined });
    expect(await t.count('dashboard_sign_in_links')).toBe(0);
  });
});
