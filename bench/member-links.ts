// What checking a member link costs on every request, against a baseline in the same run:
//   npx tsx bench/member-links.ts
// (a) getMemberMeeting alone (one read), (b) verifyMemberLink (secret, HMAC, member and
// access reads), (c) the whole reply page through app.request (verify + read + render).
import { createApp } from '../src/app';
import { createConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { createTestDb } from '../test/helpers/test-db';
import { seedMemberPages } from '../test/member-pages/fixtures';

const rounds = 400;
const t = await createTestDb();
const s = await seedMemberPages(t.db, t.services, t.clock.now());
const app = createApp({ config: createConfig({ DATABASE_URL: t.url }), db: t.db, clock: t.clock, logger: silentLogger }).app;
const { path } = await t.services.createMemberLink({ memberId: s.member.M2!, purpose: 'meeting-reply', targetId: s.meetingId });
const token = path.slice(3);

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await run();
  return (performance.now() - start) / rounds;
}
const read = await time(() => t.services.getMemberMeeting({ memberId: s.member.M2!, meetingId: s.meetingId }));
const verify = await time(() => t.services.verifyMemberLink({ token, expect: ['meeting-reply'] }));
const page = await time(async () => (await app.request(path)).text());
console.log(`rounds ${rounds}: read ${read.toFixed(3)} ms, verify ${verify.toFixed(3)} ms (${(verify / read).toFixed(1)}× read), page ${page.toFixed(3)} ms (${(page / read).toFixed(1)}× read)`);
t.close();
