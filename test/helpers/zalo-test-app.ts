import { createTestApp, webhookSecret } from './test-app';
import { startZaloEmulator, zaloTestToken, zaloTextUpdate } from './zalo-api-emulator';

export const zaloWebhookSecret = 'zalo-secret-0123456789';
export const telegramSecret = webhookSecret;

/** The whole app on a temp database with both channels on: Zalo against the emulator, Telegram against the recording Bot API. */
export async function createZaloTestApp(options: { enforce?: { perChatIntervalMs: number; globalPerSecond: number } } = {}) {
  const zalo = await startZaloEmulator({ enforce: options.enforce });
  const t = await createTestApp({ ZALO_BOT_TOKEN: zaloTestToken, ZALO_API_ROOT: zalo.apiRoot, ZALO_WEBHOOK_SECRET: zaloWebhookSecret });
  const postZalo = (body: unknown, headers: Record<string, string> = { 'X-Bot-Api-Secret-Token': zaloWebhookSecret }) =>
    t.chibo.app.request('/webhook/zalo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...t,
    zalo,
    telegram: t.api,
    postZalo,
    /** A member writes `text` to the bot on Zalo; resolves with the webhook's status. */
    async say(userId: string, text: string) {
      const res = await postZalo(zaloTextUpdate(userId, text));
      return res.status;
    },
    postTelegram: (body: unknown) => t.post(body),
    /** Links `userId` on Zalo to the member with `memberCode` the way a member does: code, then "1". */
    async linkZalo(userId: string, memberCode: string) {
      const code = await t.invite(memberCode);
      await this.say(userId, code);
      await this.say(userId, '1');
    },
    async close() {
      await zalo.close();
      await t.close();
    },
  };
}

export type ZaloTestApp = Awaited<ReturnType<typeof createZaloTestApp>>;
