import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startRecordingBotApi, testBotInfo } from './recording-bot-api';
import { smallRoster, smallTree } from './tables';
import { createTestDb } from './test-db';

export const webhookSecret = 'test-secret-0123456789';

/** The whole app on a temp database, its bot pointed at a recording Bot API; `env` adds settings (e.g. Zalo's). */
export async function createTestApp(env: Record<string, string> = {}) {
  const t = await createTestDb();
  const api = await startRecordingBotApi();
  const config = createConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-token',
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: webhookSecret,
    PUBLIC_URL: 'https://chibo.example.org',
    DATABASE_URL: t.url,
    ...env,
  });
  const chibo = createApp({ config, db: t.db, clock: t.clock, logger: silentLogger, botInfo: testBotInfo });
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  /** Delivers an update as Telegram does, including the call a webhook reply asks for. */
  const post = async (body: unknown, secret: string | null = webhookSecret) => {
    const response = await chibo.app.request('/webhook/telegram', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    await api.performWebhookReply(response);
    return response;
  };
  return {
    ...t,
    api,
    chibo,
    post,
    async invite(memberCode: string) {
      const { invites } = await t.services.createInvites({ memberCode, ttlHours: 24 });
      return invites[0]!.code;
    },
    async close() {
      await api.close();
      t.close();
    },
  };
}
