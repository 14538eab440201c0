import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

// End to end over HTTP: the bot long-polls the telegram-test-api emulator, and
// emulated users send commands and tap buttons as a member would.
const token = '987654:E2E-token';
let server: TelegramServer;
let t: TestDb;
let chibo: ReturnType<typeof createApp>;

type BotMessage = { message: { text: string; reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } } };

function member(server: TelegramServer, userId: number) {
  const client = server.getClient(token, { userId, chatId: userId, firstName: 'Thử', timeout: 8000, interval: 50 });
  return {
    async say(text: string) {
      await client.sendCommand(client.makeCommand(text));
      return this.next();
    },
    async tap(data: string) {
      await client.sendCallback(client.makeCallbackQuery(data));
      return this.next();
    },
    async next(): Promise<BotMessage[]> {
      const updates = await client.getUpdates();
      return updates.result as unknown as BotMessage[];
    },
  };
}

beforeAll(async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  const config = createConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: server.config.apiURL, DATABASE_URL: t.url });
  chibo = createApp({ config, db: t.db, clock: t.clock, logger: silentLogger });
  await chibo.bot!.init();
  void chibo.bot!.start();
});

afterAll(async () => {
  await chibo.bot!.stop();
  await server.stop();
  t.close();
});

describe('deep-link linking against the Telegram emulator', () => {
  it('takes a member from the invite link through consent to a greeting by name', async () => {
    const { invites } = await t.services.createInvites({ memberCode: 'M1', ttlHours: 24 });
    const code = invites[0]!.code;
    const an = member(server, 5001);

    const [notice] = await an.say(`/start ${code}`);
    expect(notice!.message.text).toContain('bảo vệ dữ liệu cá nhân');
    const buttons = notice!.message.reply_markup!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['✅ Tôi đồng ý', 'Không đồng ý']);
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '5001' })).toBeNull();

    const replies = await an.tap(buttons[0]!.callback_data);
    expect(replies.map((r) => r.message.text).join('\n')).toContain('Chào đồng chí Nguyễn Văn An');
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '5001' })).toMatchObject({ code: 'M1' });

    const [me] = await an.say('/toi');
    expect(me!.message.text).toContain('Đơn vị: Chi bộ Văn phòng');
  });

  it('answers clearly when someone else opens a used link, and links nothing', async () => {
    const { invites } = await t.services.createInvites({ memberCode: 'M2', ttlHours: 24 });
    const code = invites[0]!.code;
    const owner = member(server, 5002);
    const [notice] = await owner.say(`/start ${code}`);
    await owner.tap(notice!.message.reply_markup!.inline_keyboard[0]![0]!.callback_data);

    const stranger = member(server, 5003);
    const [answer] = await stranger.say(`/start ${code}`);
    expect(answer!.message.text).toContain('đã được sử dụng');
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '5003' })).toBeNull();
  });

  it('answers an expired or unknown code', async () => {
    const { invites } = await t.services.createInvites({ memberCode: 'M3', ttlHours: 1 });
    t.clock.advance(2 * 3600_000);
    const late = member(server, 5004);
    const [expired] = await late.say(`/start ${invites[0]!.code}`);
    expect(expired!.message.text).toContain('hết hạn');
    const [unknown] = await late.say('/start ZZZZZZZZZZ');
    expect(unknown!.message.text).toContain('không đúng');
  });
});
