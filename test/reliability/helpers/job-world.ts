import { sql } from 'drizzle-orm';
import { telegramMeetingMessages } from '../../../bot/telegram/meeting-messages';
import type { Database } from '../../../src/db/client';
import type { JobDeps } from '../../../src/jobs/registry';
import { silentLogger } from '../../../src/logger';
import { createServices } from '../../../src/services';
import type { Clock } from '../../../src/services/context';
import { defaultMeetingRules } from '../../../src/services/meetings/meeting-rules';
import { smallRoster, smallTree } from '../../helpers/tables';

const HOUR = 3600_000;

/** The job context the Node entry builds, on a given database and clock. */
export const jobDeps = (db: Database, clock: Clock): JobDeps => ({
  ctx: { db, clock, actor: 'job' },
  messages: telegramMeetingMessages,
  rules: defaultMeetingRules,
  logger: silentLogger,
});

/**
 * A database on which, at `at`, every scheduled job has something to send: a monthly series
 * of CB1 falls due within ten days (recurring meetings), a CB2 meeting starts in 50 minutes
 * with nobody replied (1-hour reminder, 6-hour nudge, names to the organiser), a CBCS meeting
 * ended three hours ago with an attendee (feedback request), and — from the 20th of a month —
 * branches without their monthly meeting (compliance). `setClock` moves the services' clock.
 */
export async function seedJobWorld(db: Database, clock: Clock, setClock: (at: Date) => void, at: Date) {
  const services = createServices({ db, clock });
  setClock(new Date(at.getTime() - 2 * 24 * HOUR));
  await services.importUnits(smallTree);
  await services.importMembers(smallRoster);
  const id = Object.fromEntries((await db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`)).map((r) => [r.code, Number(r.id)]));
  const { invites } = await services.createInvites({ unitCode: 'K', ttlHours: 24 * 30 });
  for (const [i, invite] of invites.entries()) {
    await services.acceptInvite({ channel: 'telegram', code: invite.code, externalId: String(810 + i), chatId: String(810 + i) });
  }
  const vnDay = new Date(at.getTime() + 7 * HOUR + 5 * 24 * HOUR).getUTCDate();
  await services.createMeetingSeries({ organiserId: id.M1!, dayOfMonth: vnDay, minuteOfDay: 14 * 60, place: 'Phòng họp số 2', agenda: 'Sinh hoạt chi bộ định kỳ' });
  await services.createMeeting({ organiserId: id.M3!, kind: 'chuyen_de', startsAt: new Date(at.getTime() + 50 * 60_000), place: 'Hội trường', agenda: 'Chuyên đề học tập' });
  const past = await services.createMeeting({ organiserId: id.M5!, kind: 'chuyen_de', startsAt: new Date(at.getTime() - 3 * HOUR), place: 'Hội trường', agenda: 'Chuyên đề đã họp' });
  setClock(new Date(at.getTime() - 3 * HOUR + 5 * 60_000));
  await services.checkIn({ memberId: id.M5!, meetingId: past.meetingId });
  setClock(at);
  return { memberIds: id };
}

/** What the jobs leave behind, ids aside, for comparing two runs. */
export async function jobOutput(db: Database) {
  const outbox = await db.all<{ dedupe_key: string; chat_id: string; text: string }>(sql`SELECT dedupe_key, chat_id, text FROM outbox_messages ORDER BY dedupe_key`);
  const meetings = await db.all<{ unit_id: number; kind: string; starts_at: number }>(sql`SELECT unit_id, kind, starts_at FROM meetings ORDER BY starts_at, unit_id`);
  const findings = await db.all<{ unit_id: number; rule: string; period: string }>(sql`SELECT unit_id, rule, period FROM compliance_findings ORDER BY unit_id, rule`);
  const [broadcasts] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM broadcasts`);
  return { outbox, meetings, findings, broadcasts: Number(broadcasts?.n ?? 0) };
}
