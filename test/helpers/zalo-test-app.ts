import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startRecordingBotApi, testBotInfo } from './recording-bot-api';
import { smallRoster, smallTree } from './tables';
import { createTestDb } from './test-db';
import { startZaloEmulator, zaloTestToken, zaloTextUpdate } from './zalo-api-emulator';

export const zaloWebhookSecret = 'zalo-secret-0123456789';
export const telegramSecret = 'test-secret-0123456789';

/** The whole app on a temp database with both channels on: Zalo against the emulator, Telegram against the recording Bot API. */
export async function createZaloTestApp(options: { enforce?: { perChatIntervalMs: number; globalPerSecond: number } } = {}) {
  const t = await createTestDb();
  const zalo = await startZaloEmulator({ enforce: options.enforce });
  const telegram = await startRecordingBotApi();
  const config = createConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-token',
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: telegramSecret,
    ZALO_BOT_TOKEN: zaloTestToken,
    ZALO_API_ROOT: zalo.apiRoot,
    ZALO_WEBHOOK_SECRET: zaloWebhookSecret,
    PUBLIC_URL: 'https://chibo.example.org',
    DATABASE_URL: t.url,
  });
  const chibo = createApp({ config, db: t.db, clock: t.clock, logger: silentLogger, botInfo: testBotInfo });
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  const postZalo = (body: unknown, headers: Record<string, string> = { 'X-Bot-Api-Secret-Token': zaloWebhookSecret }) =>
    chibo.app.request('/webhook/zalo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...t,
    zalo,
    telegram,
    chibo,
    postZalo,
    /** A member writes `text` to the bot on Zalo; resolves with the webhook's status. */
    async say(userId: string, text: string) {
      const res = await postZalo(zaloTextUpdate(userId, text));
      return res.status;
    },
    postTelegram: (body: unknown) =>
      chibo.app.request('/webhook/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': telegramSecret },
        body: JSON.stringify(body),
      }),
    async invite(memberCode: string) {
      const { invites } = await t.services.createInvites({ memberCode, ttlHours: 24 });
      return invites[0]!.code;
    },
    /** Links `userId` on Zalo to the member with `memberCode` the way a member does: code, then "1". */
    async linkZalo(userId: string, memberCode: string) {
      const code = await this.invite(memberCode);
      await this.say(userId, code);
      await this.say(userId, '1');
    },
    async close() {
      await zalo.close();
      await telegram.close();
      t.close();
    },
  };
}

export type ZaloTestApp = Awaited<ReturnType<typeof createZaloTestApp>>;
