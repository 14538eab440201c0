import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText } from '../../src/http/member-pages/labels';
import { HOUR, MINUTE } from '../helpers/fake-clock';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type MemberPagesSeed, seedMemberPages } from '../member-pages/fixtures';
import { artifactsDir, clickToNavigate, collectPageErrors, keepScreenshot, type startServer, startServerAndChromium } from './harness';

// Member pages as an older member uses them on a phone: the real server (src/entry/node.ts,
// which signs with the secret it finds in the database) on a seeded libSQL file, links made
// by this process as a channel would, Debian's headless Chromium at a 390 px wide viewport.

let t: TestDb;
let s: MemberPagesSeed;
/** A CB1 meeting that started ten minutes ago: check-in is open, then feedback. */
let meetingNow: number;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;
let rig: Awaited<ReturnType<typeof startServerAndChromium>> | undefined;
let phone: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  t = await createTestDb();
  const now = Date.now();
  t.clock.set(new Date(now));
  s = await seedMemberPages(t.db, t.services, t.clock.now());
  t.clock.set(new Date(now - HOUR));
  ({ meetingId: meetingNow } = await t.services.createMeeting({
    organiserId: s.member.M1!,
    kind: 'chuyen_de',
    startsAt: new Date(now - 10 * MINUTE),
    place: 'Hội trường UBND phường',
    agenda: 'Học tập chuyên đề năm 2026',
  }));
  t.clock.set(new Date(now));
  rig = await startServerAndChromium(t.url);
  ({ server, browser } = rig);
  phone = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(15_000);
  pageErrors = collectPageErrors(phone);
  page = await phone.newPage();
});

afterAll(async () => {
  await rig?.stop();
  t?.close();
});

type Purpose = 'quiz' | 'meeting-reply' | 'check-in' | 'feedback' | 'summary';
async function openLink(purpose: Purpose, targetId: number) {
  t.clock.set(new Date());
  const { path } = await t.services.createMemberLink({ memberId: s.member.M2!, purpose, targetId });
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
}

/** Nothing wider than the phone: no sideways scrolling. */
async function expectNoOverflow() {
  const [doc, view] = (await page.evaluate('[Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), window.innerWidth]')) as number[];
  expect(doc).toBeLessThanOrEqual(view!);
}

/** Taps and waits for the page it loads, which must not be an error page. */
async function tap(name: string | RegExp) {
  const response = await clickToNavigate(page, page.getByRole('button', { name }).first());
  expect(response.status()).toBeLessThan(400);
}

describe('member pages on a phone', () => {
  it('takes a quiz from the link to its result, with the explanation after each answer', async () => {
    await openLink('quiz', s.setId);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ôn tập thử');
    await expectNoOverflow();
    await tap(pageText.quizStart);

    await expect(page.locator('h1').textContent()).resolves.toBe('Câu 1/3');
    const option = page.getByRole('button', { name: /Một tháng/ });
    const box = await option.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48); // a finger-sized target
    await keepScreenshot(page, 'member-quiz-question');
    await expectNoOverflow();
    await clickToNavigate(page, option);
    await expect(page.locator('.ok').textContent()).resolves.toBe(pageText.correct);
    await expect(page.content()).resolves.toContain('Chi bộ sinh hoạt định kỳ mỗi tháng một lần.');
    await keepScreenshot(page, 'member-quiz-explanation');
    await clickToNavigate(page, page.getByRole('link', { name: pageText.nextQuestion }));

    await page.getByText('Kiểm điểm nghị quyết').click();
    await page.getByText('Phê bình và tự phê bình').click();
    await tap(pageText.submitAnswer);
    await expect(page.locator('.ok').textContent()).resolves.toBe(pageText.correct);
    await clickToNavigate(page, page.getByRole('link', { name: pageText.nextQuestion }));

    await tap(/Sáu tháng/);
    await clickToNavigate(page, page.getByRole('link', { name: pageText.seeResult }));
    await expect(page.content()).resolves.toContain(pageText.score(3, 3, 100));
    await keepScreenshot(page, 'member-quiz-result');
    await expectNoOverflow();

    // "Back" lands on plain pages (no "resubmit the form?"), and nothing is counted twice.
    expect((await page.goBack())?.status()).toBe(200);
    await expect(page.content()).resolves.toContain(pageText.correct);
    expect((await page.goBack())?.status()).toBe(200);
    expect(await t.count('quiz_answers')).toBe(3);
  });

  it('replies to a meeting notice', async () => {
    await openLink('meeting-reply', s.meetingId);
    await expectNoOverflow();
    await keepScreenshot(page, 'member-meeting-reply');
    await tap(pageText.attend);
    await expect(page.locator('.ok').textContent()).resolves.toBe(pageText.replySaved);
    await expect(page.content()).resolves.toContain(pageText.replyNow('attending'));
  });

  it('checks in at a meeting under way, then gives feedback', async () => {
    await openLink('check-in', meetingNow);
    await tap(pageText.checkInButton);
    await expect(page.locator('.ok').textContent()).resolves.toBe(pageText.checkedIn);
    await expect(page.content()).resolves.toContain(pageText.attendanceNow('present'));
    await expectNoOverflow();
    await keepScreenshot(page, 'member-check-in');

    await openLink('feedback', meetingNow);
    await page.getByText(pageText.scoreNames[4]).click();
    await page.getByLabel(pageText.feedbackComment).fill('Chuyên đề thiết thực, dễ hiểu.');
    await keepScreenshot(page, 'member-feedback');
    await expectNoOverflow();
    await tap(pageText.feedbackSend);
    await expect(page.locator('.ok').textContent()).resolves.toBe(pageText.feedbackSaved);
    const rows = await t.db.all<{ score: number; comment: string }>(sql`SELECT score, comment FROM meeting_feedback WHERE meeting_id = ${meetingNow}`);
    expect(rows).toEqual([{ score: 5, comment: 'Chuyên đề thiết thực, dễ hiểu.' }]);
  });

  it('reads a summary and confirms study', async () => {
    expect(s.documentId).not.toBeNull();
    await openLink('summary', s.documentId!);
    await expect(page.locator('ul.summary li .ref').count()).resolves.toBeGreaterThan(0);
    await expectNoOverflow();
    await keepScreenshot(page, 'member-summary');
    await tap(pageText.confirmStudy);
    await expect(page.locator('.ok').first().textContent()).resolves.toBe(pageText.studySaved);
    expect(await t.count('document_study WHERE confirmed_at IS NOT NULL')).toBe(1);
  });

  it('shows a clear page for a broken link, and no page broke the content security policy', async () => {
    const response = await page.goto('/m/1.1.q1.zzzz.AAAAAAAAAAAAAAAAAAAAAA');
    expect(response?.status()).toBe(404);
    await expect(page.content()).resolves.toContain('Đường link không đúng');
    await expectNoOverflow();
    expect(pageErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  });
});
