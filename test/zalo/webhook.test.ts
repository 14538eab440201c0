import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zalo } from '../../bot/zalo/locales/vi';
import { createConfig } from '../../src/config';
import { zaloTextUpdate } from '../helpers/zalo-api-emulator';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
beforeEach(async () => {
  t = await createZaloTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('the Zalo webhook', () => {
  it('gives back the claim when Zalo fails to take the answer, so the redelivery is answered', async () => {
    const update = zaloTextUpdate('zw-1', 'Xin chào', 'same-message');
    t.zalo.failNext('sendMessage', 502);
    expect((await t.postZalo(update)).status).toBe(500);
    expect(await t.count('processed_updates')).toBe(0);
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
