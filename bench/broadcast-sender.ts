// Child process for bench/broadcast.ts: drains the outbox of DATABASE_URL through the
// real Telegram channel sender against the emulated Bot API, until killed or done.
import { Api } from 'grammy';
import { createTelegramChannelSender } from '../bot/telegram/telegram-channel-sender';
import { openDatabase } from '../src/db/open-node';
import { silentLogger } from '../src/logger';
import { telegramLimits } from '../src/services/outbox/channel-sender';
import { createOutboxSender } from '../src/services/outbox/outbox-sender';
import { systemClock } from '../src/services/context';

const [url, apiRoot, rate] = process.argv.slice(2);
const { db } = await openDatabase(url!);
const sender = createOutboxSender({
  ctx: { db, clock: systemClock, actor: 'bench' },
  sender: createTelegramChannelSender(new Api('1:bench', { apiRoot })),
  limits: { ...telegramLimits, globalPerSecond: Number(rate), staleClaimMs: 2000 },
  logger: silentLogger,
});
await sender.run(100);
