import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../bot/telegram/meeting-messages';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import { silentLogger } from '../../src/logger';
import { zaloLimits } from '../../src/services/outbox/channel-sender';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import { DAY } from '../helpers/fake-clock';
import { zaloTextUpdate } from '../helpers/zalo-api-emulator';
import { createZaloTestApp, telegramSecret, type ZaloTestApp, zaloWebhookSecret } from '../helpers/zalo-test-app';
import { changedTables, integrityCheck, snapshotTables } from './helpers/db-snapshot';
import { mapWithConcurrency } from './helpers/pool';
import { seeded } from './helpers/seeded';
import { serveApp } from './helpers/serve-app';

// The Zalo webhook against forged requests (401, no write anywhere, no call to Zalo or
// Telegram) and a few hundred malformed or unusual bodies over real HTTP (each gets its
// deliberate answer, never a 500 or a hang, and nothing is written but update claims).

let t: ZaloTestApp;
let server: Awaited<ReturnType<typeof serveApp>>;
let meetingId: number;
const linked = 'zr-linked'; // M2, with a meeting notice waiting for "1" or "2"
const newcomer = 'zr-new'; // shown the privacy notice for M3's code, about to answer "1"
const header = 'X-Bot-Api-Secret-Token';

beforeAll(async () => {
  t = await createZaloTestApp();
  await t.linkZalo(linked, 'M2');
  const [m1] = await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M1'`);
  meetingId = (await t.services.createMeeting({ organiserId: m1!.id, kind: 'dinh_ky', startsAt: new Date(t.clock.now().getTime() + 2 * DAY), place: 'Hội trường', agenda: 'Sinh hoạt tháng' })).meetingId;
  await t.services.sendMeetingNotice({ meetingId, organiserId: m1!.id, render: renderNotice });
  await createOutboxSender({ ctx: { db: t.db, clock: t.clock, actor: 'test' }, sender: createZaloChannelSender({ client: t.chibo.zalo!, services: t.services }), limits: zaloLimits, logger: silentLogger }).drain();
  await t.say(newcomer, await t.invite('M3'));
  server = await serveApp(t.chibo.app);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const outboundCalls = () => t.zalo.calls.length + t.telegram.calls.length;
const swapCase = (s: string) => [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');

async function post(body: string, headers: [string, string][] = [[header, zaloWebhookSecret]], query = '') {
  const h = new Headers({ 'content-type': 'application/json' });
  for (const [name, value] of headers) h.append(name, value);
  const res = await fetch(`${server.base}/webhook/zalo${query}`, { method: 'POST', headers: h, body, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  return { status: res.status, text };
}

describe('forged Zalo webhooks', () => {
  const forgeries: [label: string, headers: [string, string][], query: string][] = [
    ['no secret', [], ''],
    ['an empty secret', [[header, '']], ''],
    ['a wrong secret of the same length', [[header, `${zaloWebhookSecret.slice(0, -1)}X`]], ''],
    ['the secret with its case swapped', [[header, swapCase(zaloWebhookSecret)]], ''],
    ['the secret one character short', [[header, zaloWebhookSecret.slice(0, -1)]], ''],
    ['the secret with a character more', [[header, `${zaloWebhookSecret}0`]], ''],
    ['the secret twice in one header', [[header, zaloWebhookSecret], [header, zaloWebhookSecret]], ''],
    ['the secret in the query string', [], `?secret_token=${zaloWebhookSecret}`],
    ['the secret as a bearer token', [['Authorization', `Bearer ${zaloWebhookSecret}`]], ''],
    ["the secret in Telegram's header", [['X-Telegram-Bot-Api-Secret-Token', zaloWebhookSecret]], ''],
    ["Telegram's secret in Zalo's header", [[header, telegramSecret]], ''],
  ];
  // Each would write if accepted: link an account, reply to a meeting, open a prompt.
  const bodies = () => [zaloTextUpdate(newcomer, '1'), zaloTextUpdate(linked, '1'), zaloTextUpdate(linked, '0'), { ok: true, result: zaloTextUpdate(linked, '2') }];

  it.each(forgeries)('refuses %s with 401, writing nothing and calling nothing', async (_label, headers, query) => {
    const before = await snapshotTables(t.db);
    const calls = outboundCalls();
    for (const body of bodies()) expect(await post(JSON.stringify(body), headers, query)).toEqual({ status: 401, text: JSON.stringify({ ok: false, error: 'unauthorized' }) });
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
    expect(outboundCalls()).toBe(calls);
  });

  it('accepts the same bodies with the secret (the forgeries above were real attempts)', async () => {
    const before = await snapshotTables(t.db);
    const calls = outboundCalls();
    for (const body of bodies()) expect((await post(JSON.stringify(body))).status).toBe(200);
    // app_secrets: the member-page link in the meeting reply's answer made the link secret on first use.
    expect(changedTables(before, await snapshotTables(t.db))).toEqual(['app_secrets', 'audit_log', 'channel_accounts', 'chat_prompts', 'invites', 'meeting_invitees', 'processed_updates', 'unit_members']);
    expect(outboundCalls()).toBeGreaterThan(calls);
  });
});

interface Case {
  label: string;
  body: string;
  expect: number[];
}

/** Seeded malformed and unusual bodies, each with the answers it may deliberately get. */
function zaloFuzz(seed: number, count: number): Case[] {
  const r = seeded(seed);
  let id = 0;
  const someone = () => (r.next() < 0.3 ? linked : `zr-fuzz-${r.int(1, 40)}`);
  const longText = () => Array.from({ length: r.int(2001, 6000) }, () => r.pick(['a', 'ă', 'â', 'ệ', ' ', 'đ', '\n', 'ữ'])).join('');
  const nfd = () => r.pick(['Chào đồng chí', 'Tôi muốn hỏi về nghị quyết', 'Sinh hoạt chuyên đề', 'vắng có lý do']).normalize('NFD');
  const valid = (text: string, user = someone()) => zaloTextUpdate(user, text, `fz${seed}-${id++}`);
  const kinds: (() => Case)[] = [
    () => {
      const json = JSON.stringify(valid(nfd()));
      return { label: 'truncated JSON', body: json.slice(0, r.int(1, json.length - 1)), expect: [400] };
    },
    () => ({ label: 'not JSON', body: r.pick(['', 'hello', '<xml/>', 'ok=1&x=2', '{"event_name":', '\u0000\u0001']), expect: [400] }),
    () => ({ label: 'JSON that is not an update', body: JSON.stringify(r.pick([null, 42, 'text', [], [valid('x')], {}, { event_name: 5 }, { event_name: '' }, { result: null }])), expect: [400] }),
    () => {
      const u = valid('xin chào') as Record<string, unknown> & { message: Record<string, unknown> };
      const broken = r.pick<(m: Record<string, unknown>) => void>([
        (m) => delete m.from,
        (m) => (m.from = 'u1'),
        (m) => (m.from = { id: { nested: true } }),
        (m) => (m.chat = null),
        (m) => (m.text = 12345),
        (m) => (m.date = 'yesterday'),
        (m) => (m.message_id = ['a']),
      ]);
      broken(u.message);
      return { label: 'wrong types in the message', body: JSON.stringify(u), expect: [400] };
    },
    () => ({ label: 'an event the bot does not read', body: JSON.stringify({ ...valid('x'), event_name: r.pick(['user.follow', 'message.reaction', 'bot.added']) }), expect: [200] }),
    () => ({ label: 'an event without a message', body: JSON.stringify({ event_name: r.pick(['message.text.received', 'user.unfollow']) }), expect: [200] }),
    () => {
      const u = valid('') as { event_name: string; message: Record<string, unknown> };
      u.event_name = r.pick(['message.image.received', 'message.sticker.received', 'message.unsupported.received']);
      delete u.message.text;
      return { label: 'a message without text', body: JSON.stringify(u), expect: [200] };
    },
    () => ({ label: 'NFD Vietnamese', body: JSON.stringify(valid(nfd())), expect: [200] }),
    () => ({ label: 'text longer than 2,000 characters', body: JSON.stringify(valid(longText())), expect: [200] }),
    () => ({ label: 'a group chat', body: JSON.stringify({ ...valid('xin chào'), message: { ...valid('xin chào').message, chat: { id: 'g1', chat_type: 'GROUP' } } }), expect: [200] }),
    () => ({ label: 'wrapped as { ok, result }', body: JSON.stringify({ ok: true, result: valid(nfd()) }), expect: [200] }),
    () => ({ label: 'oversized body', body: JSON.stringify(valid('x'.repeat(300_000))), expect: [413] }),
  ];
  return Array.from({ length: count }, () => r.pick(kinds)());
}

describe('malformed and unusual Zalo webhook bodies', () => {
  it('answers each of 400 with its deliberate status, stays up, replies within 2,000 characters and writes only claims', async () => {
    const cases = zaloFuzz(20_261_122, 400);
    const before = await snapshotTables(t.db);
    t.zalo.reset();
    const answers = await mapWithConcurrency(cases, 8, (c) => post(c.body).catch((e: unknown) => ({ status: 0, text: String(e) })));
    const wrong = cases.flatMap((c, i) => (c.expect.includes(answers[i]!.status) ? [] : [`${c.label}: ${answers[i]!.status}`]));
    expect(wrong).toEqual([]);
    expect(new Set(cases.map((c) => c.label)).size).toBe(12);

    const health = await fetch(`${server.base}/health`);
    expect(health.status).toBe(200);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual(['processed_updates']);
    expect(await integrityCheck(t.db)).toBe('ok');
    // Every reply reached Zalo (none refused as too long) and no group got an answer.
    const sends = t.zalo.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.length).toBeGreaterThan(0);
    expect(sends.filter((c) => c.status !== 200)).toEqual([]);
    expect(sends.every((c) => String(c.body.text).length <= 2000 && c.body.chat_id !== 'g1')).toBe(true);

    // A redelivery of an update already handled is acknowledged and not handled again.
    const again = cases.find((c) => c.label === 'NFD Vietnamese')!;
    const calls = t.zalo.calls.length;
    expect(JSON.parse((await post(again.body)).text)).toEqual({ ok: true, duplicate: true });
    expect(t.zalo.calls.length).toBe(calls);
  });
});
