import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { errorTexts, pageText, serviceErrorTexts } from '../../src/http/member-pages/labels';
import { createLogger, silentLogger } from '../../src/logger';
import { HOUR, MINUTE } from '../helpers/fake-clock';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type MemberPagesSeed, seedMemberPages } from './fixtures';

let t: TestDb;
let s: MemberPagesSeed;
let app: ReturnType<typeof createApp>['app'];

beforeEach(async () => {
  t = await createTestDb();
  s = await seedMemberPages(t.db, t.services, t.clock.now());
  app = createApp({ config: createConfig({ DATABASE_URL: t.url }), db: t.db, clock: t.clock, logger: silentLogger }).app;
});
afterEach(() => t.close());

type Purpose = 'quiz' | 'meeting-reply' | 'check-in' | 'feedback' | 'summary';
const linkFor = async (code: string, purpose: Purpose, targetId: number) =>
  (await t.services.createMemberLink({ memberId: s.member[code]!, purpose, targetId })).path;

/** GET a page; returns status, html and its form token. */
async function open(path: string) {
  const res = await app.request(path);
  const html = await res.text();
  return { res, status: res.status, html, form: /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

/** Posts an answer and follows the redirect to the answer page (as a browser does). */
async function answerPage(path: string, fields: Record<string, string | string[]>) {
  const res = await post(path, fields);
  expect(res.status).toBe(303);
  return (await open(res.headers.get('location')!)).html;
}

function post(path: string, fields: Record<string, string | string[]>, origin = 'http://localhost') {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body });
}

/** The options of the question page as display index → text. */
const optionsOf = (html: string) => new Map([...html.matchAll(/value="(\d+)"[^>]*>(?:<span>)?[A-Z]\. ([^<]+)</g)].map((m) => [m[2]!, m[1]!]));

describe('member pages', () => {
  it('takes a quiz question by question to its result; a resent answer is not counted twice', async () => {
    const base = await linkFor('M2', 'quiz', s.setId);
    const intro = await open(base);
    expect(intro.status).toBe(200);
    expect(intro.html).toContain('Ôn tập thử');
    expect(intro.html).toContain(pageText.quizStart);
    expect(intro.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(intro.res.headers.get('cache-control')).toBe('no-store');
    expect(intro.res.headers.get('referrer-policy')).toBe('same-origin');
    expect(await t.count('quiz_attempts')).toBe(0); // opening the link starts nothing

    expect((await post(`${base}/start`, {})).status).toBe(403);
    const started = await post(`${base}/start`, { _form: intro.form });
    expect(started.status).toBe(303);
    const attemptPath = started.headers.get('location')!;
    expect(attemptPath).toMatch(new RegExp(`^${base.replace(/\./g, '\\.')}/a/\\d+$`));

    const q1 = await open(attemptPath);
    expect(q1.html).toContain('Câu 1/3');
    expect(q1.html).toContain('Chi bộ sinh hoạt định kỳ bao lâu một lần?');
    const right = optionsOf(q1.html).get('Một tháng')!;
    const answer = { _form: q1.form, position: '0', option: right };
    const firstHtml = await answerPage(`${attemptPath}/answer`, answer);
    expect(firstHtml).not.toContain(pageText.duplicate);
    expect(firstHtml).toContain(pageText.correct);
    expect(firstHtml).toContain('Chi bộ sinh hoạt định kỳ mỗi tháng một lần.');
    const again = await answerPage(`${attemptPath}/answer`, { ...answer, option: optionsOf(q1.html).get('Hai tuần')! });
    expect(again).toContain(pageText.duplicate);
    expect(again).toContain(pageText.correct); // the first answer stands
    expect(await t.count('quiz_answers')).toBe(1);

    const q2 = await open(attemptPath);
    expect(q2.html).toContain('type="checkbox"');
    const o2 = optionsOf(q2.html);
    expect(await answerPage(`${attemptPath}/answer`, { _form: q2.form, position: '1', option: [o2.get('Kiểm điểm nghị quyết')!, o2.get('Phê bình và tự phê bình')!] })).toContain(pageText.correct);
    const q3 = await open(attemptPath);
    // Going back and resubmitting the first question changes nothing.
    expect(await answerPage(`${attemptPath}/answer`, { ...answer, option: optionsOf(q1.html).get('Một quý')! })).toContain(pageText.duplicate);
    const last = await answerPage(`${attemptPath}/answer`, { _form: q3.form, position: '2', option: optionsOf(q3.html).get('Hai năm')! });
    expect(last).toContain(pageText.wrong);
    expect(last).toContain(pageText.seeResult);
    const result = await open(attemptPath);
    expect(result.html).toContain(pageText.score(2, 3, 67));
    expect(result.html).toContain(pageText.passed);
    expect(await t.count('quiz_answers')).toBe(3);
    // An answer without an option is refused; so is the answer page of a question not answered.
    expect((await post(`${attemptPath}/answer`, { _form: q3.form, position: '2' })).status).toBe(400);
    expect((await open(`${attemptPath}/answer/7`)).status).toBe(409);
  });

  it('shows the timer of a timed quiz', async () => {
    await t.db.run(sql`UPDATE quiz_sets SET time_limit_seconds = 45 WHERE id = ${s.setId}`);
    const base = await linkFor('M1', 'quiz', s.setId);
    const intro = await open(base);
    expect(intro.html).toContain(pageText.quizTimer(45));
    const started = await post(`${base}/start`, { _form: intro.form });
    const q1 = await open(started.headers.get('location')!);
    // Shown at 01:00:00 UTC = 08:00:00 in Vietnam, 45 seconds to answer.
    expect(q1.html).toContain(pageText.deadline(45, '08:00:45'));
  });

  it('opens a contest with its closing time and the attempts used', async () => {
    const { contestId } = await t.services.createContest({
      slug: 'thi-thu',
      title: 'Thi tìm hiểu',
      setSlug: 'on-tap-thu',
      opensAt: t.clock.now(),
      closesAt: new Date(t.clock.now().getTime() + 72 * HOUR),
      attemptsAllowed: 2,
      askPrediction: false,
      unitCodes: [],
    });
    const base = (await t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'contest', targetId: contestId })).path;
    const intro = await open(base);
    expect(intro.html).toContain('Thi tìm hiểu');
    expect(intro.html).toContain(pageText.contestAttempts(0, 2));
    const started = await post(`${base}/start`, { _form: intro.form });
    expect(started.status).toBe(303);
    expect((await open(base)).html).toContain(pageText.quizResume);
    const [row] = await t.db.all<{ id: number; contest_id: number; set_id: number }>(sql`SELECT id, contest_id, set_id FROM quiz_attempts`);
    expect(row!.contest_id).toBe(contestId);
    // The member's practice link for the same set cannot open (or answer) the contest attempt.
    const practice = await linkFor('M2', 'quiz', row!.set_id);
    expect((await open(`${practice}/a/${row!.id}`)).status).toBe(403);
    expect((await open(`${base}/a/${row!.id}`)).status).toBe(200);
  });

  it('records a meeting reply, asks for the reason of an absence, and refuses cross-site and wrong-purpose posts', async () => {
    const base = await linkFor('M2', 'meeting-reply', s.meetingId);
    const page = await open(base);
    expect(page.html).toContain('Phòng họp tầng 2');
    expect(page.html).toContain(pageText.replyNow(null));
    const saved = await post(`${base}/reply`, { _form: page.form, reply: 'attending' });
    expect(saved.status).toBe(303);
    const after = await open(saved.headers.get('location')!);
    expect(after.html).toContain(pageText.replySaved);
    expect(after.html).toContain(pageText.replyNow('attending'));

    const noReason = await post(`${base}/reply`, { _form: page.form, reply: 'excused', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain(pageText.reasonNeeded);
    expect((await post(`${base}/reply`, { _form: page.form, reply: 'maybe' })).status).toBe(400);
    expect((await post(`${base}/reply`, { _form: page.form, reply: 'excused', reason: 'Đi công tác' }, 'https://evil.example')).status).toBe(403);
    expect((await post(`${base}/reply`, { _form: 'forged', reply: 'excused', reason: 'Đi công tác' })).status).toBe(403);
    const [row] = await t.db.all<{ reply: string }>(sql`SELECT reply FROM meeting_invitees WHERE meeting_id = ${s.meetingId} AND member_id = ${s.member.M2}`);
    expect(row!.reply).toBe('attending');
    expect((await post(`${base}/reply`, { _form: page.form, reply: 'excused', reason: 'Đi công tác' })).status).toBe(303);
    expect((await open(base)).html).toContain('Đi công tác');

    const wrong = await post(`${base}/check-in`, { _form: page.form });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain(errorTexts.link_wrong_purpose);
    t.clock.set(s.meetingStartsAt);
    const late = await post(`${base}/reply`, { _form: page.form, reply: 'attending' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain(serviceErrorTexts.meeting_started);
  });

  it('checks in only in the check-in window, once', async () => {
    const base = await linkFor('M2', 'check-in', s.meetingId);
    const page = await open(base);
    expect(page.html).toContain(pageText.checkInButton);
    expect(page.html).toContain(pageText.checkInWindow('07:30 04/11/2026', '09:30 04/11/2026')); // starts 08:00 Vietnam time
    const early = await post(`${base}/check-in`, { _form: page.form });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain(serviceErrorTexts.check_in_closed);
    t.clock.set(new Date(s.meetingStartsAt.getTime() - 10 * MINUTE));
    expect((await post(`${base}/check-in`, { _form: page.form })).status).toBe(303);
    t.clock.advance(30 * MINUTE);
    expect((await post(`${base}/check-in`, { _form: page.form })).status).toBe(303); // a resent form keeps the first time
    const [row] = await t.db.all<{ attendance: string; checked_in_at: number }>(sql`
      SELECT attendance, checked_in_at FROM meeting_invitees WHERE meeting_id = ${s.meetingId} AND member_id = ${s.member.M2}`);
    expect(row).toEqual({ attendance: 'present', checked_in_at: s.meetingStartsAt.getTime() - 10 * MINUTE });
    const after = await open(base);
    expect(after.html).toContain(pageText.attendanceNow('present'));
    expect(after.html).not.toContain(pageText.checkInButton);
  });

  it('takes feedback from attendees after the meeting, says whether it is anonymous, and adds a comment', async () => {
    const base = await linkFor('M2', 'feedback', s.meetingId);
    expect((await open(base)).html).toContain(pageText.feedbackNotYet);
    t.clock.set(new Date(s.meetingStartsAt.getTime() + 2 * HOUR));
    expect((await open(base)).html).toContain(pageText.feedbackOnlyAttendees);
    await t.db.run(sql`UPDATE meeting_invitees SET attendance = 'present' WHERE meeting_id = ${s.meetingId} AND member_id = ${s.member.M2}`);
    await t.db.run(sql`UPDATE meetings SET anonymous_feedback = 1 WHERE id = ${s.meetingId}`);
    const page = await open(base);
    expect(page.html).toContain(pageText.feedbackAnonymous);
    expect((await post(`${base}/feedback`, { _form: page.form, score: '9' })).status).toBe(400);
    expect((await post(`${base}/feedback`, { _form: page.form, score: '4', comment: 'Nội dung thiết thực' })).status).toBe(303);
    expect((await post(`${base}/comment`, { _form: page.form, comment: 'Nên gửi tài liệu sớm hơn' })).status).toBe(303);
    const [row] = await t.db.all<{ score: number; comment: string }>(sql`SELECT score, comment FROM meeting_feedback WHERE meeting_id = ${s.meetingId}`);
    expect(row).toEqual({ score: 4, comment: 'Nên gửi tài liệu sớm hơn' });
    const after = await open(`${base}?done=feedback`);
    expect(after.html).toContain(pageText.feedbackSaved);
    expect(after.html).toContain(pageText.feedbackGiven(4));
  });

  it('shows the approved summary with its sources and records the study confirmation', async () => {
    const base = await linkFor('M2', 'summary', s.documentId!);
    const page = await open(base);
    expect(page.html).toContain(pageText.summaryTitle);
    expect(page.html).toMatch(/<li>[^<]+ <span class="ref">\([^)]+\)<\/span><\/li>/);
    expect(page.html).toContain(pageText.confirmStudy);
    const done = await post(`${base}/confirm`, { _form: page.form });
    expect(done.status).toBe(303);
    await post(`${base}/confirm`, { _form: page.form });
    const [row] = await t.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM document_study WHERE member_id = ${s.member.M2} AND confirmed_at IS NOT NULL`);
    expect(Number(row!.n)).toBe(1);
    const after = await open(done.headers.get('location')!);
    expect(after.html).toContain(pageText.studySaved);
    expect(after.html).toContain(pageText.studyConfirmed);
  });

  it('answers bad, expired and revoked links with a clear page and the right status', async () => {
    const bad = await open('/m/not-a-token');
    expect(bad.status).toBe(404);
    expect(bad.html).toContain(errorTexts.link_invalid);
    expect(bad.html).toContain('lang="vi"');
    const base = await linkFor('M2', 'meeting-reply', s.meetingId);
    expect((await open(`${base.slice(0, -2)}xx`)).status).toBe(404);
    expect((await post(`/m/not-a-token/reply`, { _form: 'x', reply: 'attending' })).status).toBe(404);
    const big = await post(`${base}/reply`, { _form: 'x', reply: 'excused', reason: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const m1 = await linkFor('M1', 'quiz', s.setId);
    await t.services.eraseMemberData({ memberCode: 'M1' });
    const gone = await open(m1);
    expect(gone.status).toBe(403);
    expect(gone.html).toContain(errorTexts.link_member_gone);
    t.clock.set(new Date(s.meetingStartsAt.getTime() + 8 * 24 * HOUR));
    const expired = await open(base);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain(errorTexts.link_expired);
    expect((await open('/m/assets/style.css')).status).toBe(200);
  });

  it('never writes a token to the log, even when a request fails inside', async () => {
    const lines: string[] = [];
    const logged = createApp({ config: createConfig({ DATABASE_URL: t.url }), db: t.db, clock: t.clock, logger: createLogger('debug', (l) => lines.push(l)) }).app;
    const base = await linkFor('M2', 'meeting-reply', s.meetingId);
    await t.db.run(sql`ALTER TABLE meeting_invitees RENAME TO meeting_invitees_gone`);
    const res = await logged.request(base);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain(errorTexts.generic);
    expect(lines.length).toBeGreaterThan(0);
    const token = base.slice('/m/'.length);
    for (const line of lines) expect(line).not.toContain(token.slice(-22));
    await t.db.run(sql`ALTER TABLE meeting_invitees_gone RENAME TO meeting_invitees`);
  });
});
