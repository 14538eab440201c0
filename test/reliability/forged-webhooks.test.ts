import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, webhookSecret } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';
import { type Crowd, populateCrowd } from './helpers/crowd';
import { changedTables, snapshotTables } from './helpers/db-snapshot';
import { serveApp } from './helpers/serve-app';

// Requests that look like Telegram's but do not carry the secret exactly, in the one header
// Telegram uses. Each body would write if accepted (link an account, answer a quiz, reply to
// a meeting, start a deep link): a forgery must get 401, write nothing anywhere and make the
// bot say nothing.

let t: Awaited<ReturnType<typeof createTestApp>>;
let crowd: Crowd;
let server: Awaited<ReturnType<typeof serveApp>>;
beforeAll(async () => {
  t = await createTestApp();
  crowd = await populateCrowd(t.db, t.services, { quiz: 1, attend: 1, excused: 0, linking: 1 });
  server = await serveApp(t.chibo.app);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const header = 'X-Telegram-Bot-Api-Secret-Token';
const swapCase = (s: string) => [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');

/** How each forgery presents itself: extra headers and a query string. */
const forgeries: [label: string, headers: [string, string][], query: string][] = [
  ['no secret', [], ''],
  ['an empty secret', [[header, '']], ''],
  ['a wrong secret of the same length', [[header, `${webhookSecret.slice(0, -1)}X`]], ''],
  ['the secret in upper case', [[header, webhookSecret.toUpperCase()]], ''],
  ['the secret with its case swapped', [[header, swapCase(webhookSecret)]], ''],
  ['the secret one character short', [[header, webhookSecret.slice(0, -1)]], ''],
  ['the secret with a character more', [[header, `${webhookSecret}0`]], ''],
  ['the secret twice in one header', [[header, webhookSecret], [header, webhookSecret]], ''],
  ['the secret in the query string', [], `?secret_token=${webhookSecret}`],
  ['the secret as a query parameter named like the header', [], `?${header}=${webhookSecret}`],
  ['the secret as a bearer token', [['Authorization', `Bearer ${webhookSecret}`]], ''],
  ['the secret under a similar header name', [['X-Telegram-Bot-Api-Secret', webhookSecret]], ''],
];

function bodies() {
  const [taker] = crowd.quiz;
  const [attendee] = crowd.attend;
  const [newcomer] = crowd.linking;
  let id = 50_000_000;
  return [
    { ...callbackUpdate(newcomer!.telegramId, `consent:yes:${newcomer!.code}`, id++), secret_token: webhookSecret },
    callbackUpdate(taker!.telegramId, `qz:a:${taker!.attemptId}:0:1`, id++),
    callbackUpdate(attendee!.telegramId, `mt:y:${crowd.meetingId}`, id++),
    textUpdate(newcomer!.telegramId, `/start ${newcomer!.code}`, id++),
  ];
}

async function send(path: string, headers: [string, string][], body: unknown, via: 'http' | 'in-process') {
  const h = new Headers({ 'content-type': 'application/json' });
  for (const [name, value] of headers) h.append(name, value);
  const init = { method: 'POST', headers: h, body: JSON.stringify(body) };
  const res = via === 'http' ? await fetch(`${server.base}${path}`, init) : await t.chibo.app.request(path, init);
  return { status: res.status, body: await res.json() };
}

describe('forged webhook requests', () => {
  it.each(forgeries)('refuses %s with 401, writing nothing and calling nothing', async (_label, headers, query) => {
    const before = await snapshotTables(t.db);
    for (const via of ['http', 'in-process'] as const) {
      for (const body of bodies()) {
        expect(await send(`/webhook/telegram${query}`, headers, body, via)).toEqual({ status: 401, body: { ok: false, error: 'unauthorized' } });
      }
    }
    expect(changedTables(before, await snapshotTables(t.db))).toEqual([]);
    expect(t.api.calls).toEqual([]);
  });

  it('accepts the same bodies with the secret in its header (the forgeries above were real attempts)', async () => {
    const before = await snapshotTables(t.db);
    for (const body of bodies()) expect((await send('/webhook/telegram', [[header, webhookSecret]], body, 'http')).status).toBe(200);
    expect(changedTables(before, await snapshotTables(t.db))).toEqual(
      ['audit_log', 'channel_accounts', 'invites', 'meeting_invitees', 'processed_updates', 'quiz_answers', 'unit_members'].sort(),
    );
    expect(t.api.calls.length).toBeGreaterThan(0);
  });
});
