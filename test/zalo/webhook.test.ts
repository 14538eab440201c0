import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zalo } from '../../bot/zalo/locales/vi';
import { sql } from 'drizzle-orm';
import { deriveUpdateId, parseZaloUpdate } from '../../bot/zalo/update';
import { createConfig } from '../../src/config';
import { updateLeaseMs } from '../../src/services/updates/lease-update';
import { smallQuizSet } from '../helpers/quiz-fixtures';
import { zaloTextUpdate } from '../helpers/zalo-api-emulator';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
const user = 'zq-1';
beforeEach(async () => {
  t = await createZaloTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('the Zalo webhook', () => {
  it('keeps an answer once when Zalo fails to take the next question: the redelivery answers nothing else', async () => {
    await t.linkZalo(user, 'M2');
    await t.services.importQuizSet({ set: smallQuizSet() });
    await t.say(user, '0');
    await t.say(user, '2');
    await t.say(user, '1');
    const question = t.zalo.last(user) ?? '';
    const first = question.split('\n').find((l) => l.endsWith('. Một tháng'))?.split('.')[0] ?? '';
    // Every send to this chat is refused now: the answer is stored, the next question never arrives.
    t.zalo.enforceRate({ perChatIntervalMs: 60_000, globalPerSecond: 1000 });
    const update = zaloTextUpdate(user, first, 'answer-1');
    expect((await t.postZalo(update)).status).toBe(200);
    t.zalo.enforceRate(null);
    // Zalo delivers the same message again: a duplicate, not an answer to question 2.
    expect(await (await t.postZalo(update)).json()).toEqual({ ok: true, duplicate: true });
    const answers = await t.db.all<{ position: number }>(sql`SELECT position FROM quiz_answers`);
    expect(answers.map((a) => a.position)).toEqual([0]);
  });

  it('refuses a message another process is handling (503) and takes it over once that lease runs out', async () => {
    const update = zaloTextUpdate('zw-1', 'Xin chào', 'held-message');
    expect(await t.services.leaseUpdate({ channel: 'zalo', updateId: deriveUpdateId(parseZaloUpdate(update)!) }, 'test')).toBe('claimed');
    expect((await t.postZalo(update)).status).toBe(503);
    expect(t.zalo.sent('zw-1')).toEqual([]);
    t.clock.advance(updateLeaseMs + 1);
    expect((await t.postZalo(update)).status).toBe(200);
    expect(t.zalo.sent('zw-1')).toEqual([zalo.welcomeStranger]);
    expect(await (await t.postZalo(update)).json()).toEqual({ ok: true, duplicate: true });
    expect(t.zalo.sent('zw-1')).toHaveLength(1);
  });

  it('answers a picture or sticker with a short note, and ignores group chats', async () => {
    const sticker = zaloTextUpdate('zw-2', '') as { event_name: string; message: Record<string, unknown> };
    sticker.event_name = 'message.sticker.received';
    delete sticker.message.text;
    expect((await t.postZalo(sticker)).status).toBe(200);
    expect(t.zalo.last('zw-2')).toBe(zalo.textOnly);
    const group = zaloTextUpdate('zw-3', 'xin chào');
    group.message.chat = { id: 'group-1', chat_type: 'GROUP' };
    expect((await t.postZalo(group)).status).toBe(200);
    expect(t.zalo.sent('group-1')).toEqual([]);
  });

  it('is mounted only with both a token and a secret, and refuses a token or secret of the wrong shape', async () => {
    expect(() => createConfig({ ZALO_BOT_TOKEN: 'not a token' })).toThrow(/ZALO_BOT_TOKEN/);
    expect(() => createConfig({ ZALO_BOT_TOKEN: '123:abc', ZALO_WEBHOOK_SECRET: 'short' })).toThrow(/ZALO_WEBHOOK_SECRET/);
    expect(() => createConfig({ ZALO_BOT_TOKEN: '123:abc', PUBLIC_URL: 'https://chibo.example.org' })).toThrow(/ZALO_WEBHOOK_SECRET: is required/);
    const config = createConfig({ ZALO_BOT_TOKEN: '123:abc' });
    expect(config.zalo).toEqual({ token: '123:abc', apiRoot: 'https://bot-api.zaloplatforms.com', webhookSecret: undefined });
    const { createApp } = await import('../../src/app');
    const { silentLogger } = await import('../../src/logger');
    const polling = createApp({ config: createConfig({ ZALO_BOT_TOKEN: '123:abc', DATABASE_URL: t.url }), db: t.db, clock: t.clock, logger: silentLogger });
    expect(polling.zalo).not.toBeNull();
    expect((await polling.app.request('/webhook/zalo', { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
