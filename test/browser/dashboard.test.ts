import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nav, ui } from '../../src/http/dashboard/views/labels';
import { memberId } from '../helpers/dashboard';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { artifactsDir, clickToNavigate, collectPageErrors, keepScreenshot, type startServer, startServerAndChromium } from './harness';
import { type Seeded, seedDashboard } from './seed';

// The dashboard as a person uses it: the real server (src/entry/node.ts) on a seeded
// libSQL file, Debian's headless Chromium, sign-in through a minted one-time link.

let t: TestDb;
let seeded: Seeded;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;
let rig: Awaited<ReturnType<typeof startServerAndChromium>> | undefined;
let committee: BrowserContext;
let page: Page;
let pageErrors: string[];

/** Texts of the error page: none of them may show on a page that loaded well. */
const errorTexts = [ui.forbidden, ui.notFound, ui.generic, ui.invalid, ui.csrf, ui.needSignIn];

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  t = await createTestDb();
  t.clock.set(new Date());
  seeded = await seedDashboard(t.db, t.services, t.clock);
  rig = await startServerAndChromium(t.url);
  ({ server, browser } = rig);
  committee = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  committee.setDefaultTimeout(15_000);
  pageErrors = collectPageErrors(committee);
  page = await committee.newPage();
});

afterAll(async () => {
  await rig?.stop();
  t?.close();
});

/** A fresh one-time link on the same database file, minted as the CLI would. */
async function signInLink(who: { memberId: number } | { admin: true }) {
  t.clock.set(new Date());
  const { token } = await t.services.createSignInLink(who, 'test:browser');
  return `/dashboard/sign-in?token=${encodeURIComponent(token)}`;
}

/** Opens the link, clicks "Đăng nhập" and waits for the overview it redirects to. */
async function signIn(p: Page, code: string) {
  await p.goto(await signInLink({ memberId: await memberId(t.db, code) }));
  await expect.poll(() => p.locator('h1').textContent()).toBe(ui.signInTitle);
  await Promise.all([p.waitForURL((u) => u.pathname === '/dashboard'), p.getByRole('button', { name: ui.signInButton }).click()]);
}

/** The page shows its heading, no error notice, and a screenshot is kept. */
async function expectPage(p: Page, heading: string, screenshot: string) {
  const h1 = (await p.locator('main h1').textContent()) ?? '';
  expect(h1.startsWith(heading), `heading "${h1}" on ${p.url()}`).toBe(true);
  const notices = await p.locator('.notice').allTextContents();
  for (const text of errorTexts) expect(notices, p.url()).not.toContain(text);
  await keepScreenshot(p, screenshot);
}

const firstColumn = (p: Page, table: string) => p.locator(`table[data-table="${table}"] tbody tr td:first-child`).allTextContents();

describe('the dashboard in Chromium', () => {
  // Regression: with `Referrer-Policy: no-referrer` Chromium posted forms with `Origin: null`
  // and the same-origin check refused every sign-in. The server now sends `same-origin`.
  it('signs in with the headers the server really sends', async () => {
    const plain = await browser!.newContext({ baseURL: server!.baseUrl });
    try {
      const p = await plain.newPage();
      await p.goto(await signInLink({ memberId: await memberId(t.db, 'M6') }));
      const posted = await clickToNavigate(p, p.getByRole('button', { name: ui.signInButton }));
      await keepScreenshot(p, '00-sign-in');
      expect(posted.status()).toBe(303);
    } finally {
      await plain.close();
    }
  });

  it('signs a committee member in through the one-time link and shows the overview figures', async () => {
    await signIn(page, 'M6');
    await expectPage(page, `${nav.overview}: Đảng bộ Sở Xây dựng`, '01-overview');
    const cookies = await committee.cookies();
    const session = cookies.find((c) => c.name === 'chibo_session');
    expect(session).toMatchObject({ httpOnly: true, path: '/dashboard' });
    await expect.poll(() => page.locator('header').textContent()).toContain('Vũ Văn Giang');
    // Eight headline figures, each with a value; "linked" counts the five members under CS1.
    const cards = page.locator('.cards .card');
    expect(await cards.count()).toBe(8);
    const values = await page.locator('.cards .card .value').allTextContents();
    expect(values.every((v) => v.trim() !== '')).toBe(true);
    expect(values.filter((v) => /\d/.test(v)).length).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.cards .card .detail').first().textContent()).toBe('0/5');
  });

  it('draws the attendance chart with visible bars', async () => {
    const chart = page.locator('figure[data-chart="attendance-by-month"]');
    await expect.poll(() => chart.locator('svg').count()).toBe(1);
    const widths: number[] = [];
    for (const bar of await chart.locator('rect.bar').all()) widths.push((await bar.boundingBox())?.width ?? 0);
    expect(widths.length).toBe(12);
    expect(widths.filter((w) => w > 0).length).toBeGreaterThanOrEqual(3);
    const box = await chart.locator('svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
  });

  it('moves through every page by the navigation and drills down from tables', async () => {
    const pages: [keyof typeof nav, string][] = [
      ['units', '02-units'],
      ['meetings', '03-meetings'],
      ['documents', '04-documents'],
      ['quizzes', '05-quizzes'],
      ['members', '06-members'],
      ['targets', '07-targets'],
      ['overview', '08-overview-again'],
    ];
    for (const [name, shot] of pages) {
      const response = await clickToNavigate(page, page.locator('nav a', { hasText: new RegExp(`^${nav[name]}$`) }));
      expect([name, response.status()]).toEqual([name, 200]);
      expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe(nav[name]);
      await expectPage(page, nav[name], shot);
    }

    // Units → a branch without units under it → its members.
    await clickToNavigate(page, page.locator('nav a', { hasText: nav.units }));
    let response = await clickToNavigate(page, page.locator('table[data-table="units"] a', { hasText: 'Chi bộ Văn phòng' }));
    expect(response.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/dashboard/members');
    await expectPage(page, `${nav.members}: Chi bộ Văn phòng`, '09-members-of-cb1');
    expect(await firstColumn(page, 'members')).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);

    // Meetings → the compliance row of a branch → one meeting of that branch.
    await clickToNavigate(page, page.locator('nav a', { hasText: nav.meetings }));
    response = await clickToNavigate(page, page.locator('table[data-table="compliance"] a', { hasText: 'Chi bộ Kế toán' }));
    expect(response.status()).toBe(200);
    await expectPage(page, `${nav.meetings}: Chi bộ Kế toán`, '10-meetings-of-cb2');
    response = await clickToNavigate(page, page.locator('table[data-table="meetings"] tbody a').first());
    expect(response.status()).toBe(200);
    await expectPage(page, 'Sinh hoạt', '11-meeting');
    expect(await page.locator('main h1').textContent()).toContain('Chi bộ Kế toán');
    expect(await page.locator('figure[data-chart="feedback-distribution"] svg').count()).toBe(1);

    // Quizzes → one set's question statistics.
    await clickToNavigate(page, page.locator('nav a', { hasText: nav.quizzes }));
    response = await clickToNavigate(page, page.locator('table[data-table="quiz-sets"] a', { hasText: seeded.quizSetTitle }));
    expect(response.status()).toBe(200);
    await expectPage(page, seeded.quizSetTitle, '12-quiz-set');

    // Documents → one resolution's summaries (when the shared corpus is there).
    if (seeded.documentId !== null) {
      await clickToNavigate(page, page.locator('nav a', { hasText: nav.documents }));
      response = await clickToNavigate(page, page.locator('table[data-table="documents"] tbody a').first());
      expect(response.status()).toBe(200);
      expect(new URL(page.url()).searchParams.get('id')).toBe(String(seeded.documentId));
      await expectPage(page, 'Tóm tắt văn bản', '13-document');
    }
    expect(pageErrors).toEqual([]);
  });

  it('draws the bars of the other charts', async () => {
    const charts: [string, string][] = [
      ['/dashboard/units', 'attendance-by-unit'],
      ['/dashboard/quizzes', 'score-by-set'],
      ...(seeded.documentId !== null ? ([['/dashboard/documents', 'study-by-document']] as [string, string][]) : []),
    ];
    for (const [path, id] of charts) {
      await page.goto(path);
      const bars = page.locator(`figure[data-chart="${id}"] svg rect.bar`);
      expect(await bars.count(), id).toBeGreaterThan(0);
      expect((await bars.first().boundingBox())?.width ?? 0, id).toBeGreaterThan(0);
    }
  });

  it('sorts a table by a clicked header, up then down', async () => {
    await page.goto('/dashboard/units');
    expect(await firstColumn(page, 'units')).toEqual(['Chi bộ Văn phòng', 'Chi bộ Kế toán']);
    const header = page.locator('table[data-table="units"] thead th').first();
    await clickToNavigate(page, header.locator('a'));
    expect(await firstColumn(page, 'units')).toEqual(['Chi bộ Kế toán', 'Chi bộ Văn phòng']);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('units.0.asc');
    await clickToNavigate(page, header.locator('a'));
    expect(await firstColumn(page, 'units')).toEqual(['Chi bộ Văn phòng', 'Chi bộ Kế toán']);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await keepScreenshot(page, '14-units-sorted');
  });

  it('downloads a table as CSV and as Excel', async () => {
    await page.goto('/dashboard/units');
    const exports = page.locator('section', { has: page.locator('table[data-table="units"]') }).locator('.exports');

    const [csv] = await Promise.all([page.waitForEvent('download'), exports.getByText(ui.exportCsv).click()]);
    expect(csv.suggestedFilename()).toBe('chibo-units-units.csv');
    await csv.saveAs(join(artifactsDir, csv.suggestedFilename()));
    const text = readFileSync(join(artifactsDir, csv.suggestedFilename()), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe('Đơn vị,Loại,Đảng viên,Đã kết nối (%),Sinh hoạt tháng này (%),Sinh hoạt đủ 6 tháng (%),Dự sinh hoạt (%),Học tập NQ (%),Tham gia ôn tập (%),Điểm TB (%),Đánh giá');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['Chi bộ Văn phòng', 'Chi bộ Kế toán']);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), exports.getByText(ui.exportXlsx).click()]);
    expect(xlsx.suggestedFilename()).toBe('chibo-units-units.xlsx');
    await xlsx.saveAs(join(artifactsDir, xlsx.suggestedFilename()));
    const bytes = readFileSync(join(artifactsDir, xlsx.suggestedFilename()));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Đơn vị');
    expect(sheet.getRow(2).getCell(1).value).toBe('Chi bộ Văn phòng');
    expect(sheet.getRow(3).getCell(1).value).toBe('Chi bộ Kế toán');
  });

  it('adds a target through the form and lists it', async () => {
    await clickToNavigate(page, page.locator('nav a', { hasText: nav.targets }));
    const label = 'Tỷ lệ đảng viên dự sinh hoạt đạt 95% trở lên';
    const form = page.locator('form.stack');
    await form.locator('input[name="label"]').fill(label);
    await form.locator('select[name="metric"]').selectOption('attendance');
    await form.locator('input[name="value"]').fill('95');
    await Promise.all([page.waitForURL((u) => u.pathname === '/dashboard/targets'), form.locator('button[type="submit"]').click()]);
    await page.waitForLoadState('load');
    await expectPage(page, nav.targets, '15-target-added');
    const row = page.locator('table[data-table="targets"] tbody tr', { hasText: label });
    expect(await row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe(label);
    expect(cells[4]).toBe('95');
    // The overview lists it too, measured.
    await clickToNavigate(page, page.locator('nav a', { hasText: nav.overview }));
    expect(await page.locator('table[data-table="targets"] tbody tr', { hasText: label }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("refuses a branch secretary another branch's page and data", async () => {
    const secretary = await browser!.newContext({ baseURL: server!.baseUrl, locale: 'vi-VN' });
    try {
      const p = await secretary.newPage();
      await signIn(p, 'M1');
      await expectPage(p, `${nav.overview}: Chi bộ Văn phòng`, '16-secretary-overview');
      const refused = await p.goto(`/dashboard/units?unit=${seeded.ids.CB2}`);
      expect(refused?.status()).toBe(403);
      expect(await p.locator('.notice').textContent()).toBe(ui.forbidden);
      expect(await p.locator('body').textContent()).not.toContain('Chi bộ Kế toán');
      await keepScreenshot(p, '17-refused');
      const api = await p.goto(`/dashboard/api/units?unit=${seeded.ids.CB2}`);
      expect(api?.status()).toBe(403);
      expect(await api?.json()).toEqual({ ok: false, error: 'forbidden' });
      const own = await p.goto(`/dashboard/units?unit=${seeded.ids.CB1}`);
      expect(own?.status()).toBe(200);
      // Signing out ends the session: the same page then asks to sign in again.
      await clickToNavigate(p, p.getByRole('button', { name: ui.signOut }));
      expect(await p.locator('main p').first().textContent()).toBe(ui.signedOut);
      const after = await p.goto('/dashboard');
      expect(after?.status()).toBe(401);
      expect(await p.locator('.notice').textContent()).toBe(ui.needSignIn);
    } finally {
      await secretary.close();
    }
  });

  it('fits a phone screen: no sideways scrolling of the page, wide tables scroll in their frame', async () => {
    const phone = await browser!.newContext({
      baseURL: server!.baseUrl,
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await committee.storageState(),
    });
    try {
      const p = await phone.newPage();
      const overflowing: string[] = [];
      for (const [path, shot] of [
        ['/dashboard', '18-phone-overview'],
        ['/dashboard/units', '19-phone-units'],
        ['/dashboard/meetings', '20-phone-meetings'],
        ['/dashboard/documents', '21-phone-documents'],
        ['/dashboard/quizzes', '22-phone-quizzes'],
        ['/dashboard/members', '23-phone-members'],
        ['/dashboard/targets', '24-phone-targets'],
      ] as const) {
        const response = await p.goto(path);
        expect([path, response?.status()]).toEqual([path, 200]);
        // A mobile viewport zooms out to fit wide content, so compare with the phone's 390 CSS pixels, not innerWidth.
        const width = (await p.evaluate('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)')) as number;
        if (width > 390) overflowing.push(`${path}: ${width}px wide`);
        await keepScreenshot(p, shot);
      }
      expect(overflowing).toEqual([]);
      // The compliance matrix (seven month columns) is wider than the phone and scrolls inside .table-wrap.
      await p.goto('/dashboard/meetings');
      const wrap = p.locator('.table-wrap', { has: p.locator('table[data-table="compliance"]') });
      const [inner, outer] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(inner!).toBeGreaterThan(outer!);
      expect((await wrap.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
      // Charts keep a readable size and scroll inside their frame too.
      await p.goto('/dashboard');
      const chart = p.locator('figure[data-chart="attendance-by-month"]');
      expect((await chart.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
      expect((await chart.locator('svg').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(500);
      await chart.screenshot({ path: join(artifactsDir, '25-phone-chart.png') });
    } finally {
      await phone.close();
    }
  });
});
