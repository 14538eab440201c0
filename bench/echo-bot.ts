// The baseline for bench/webhook.ts: a bare grammY bot behind Hono and @hono/node-server,
// configured like chibo (PORT, HOST, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, PUBLIC_URL,
// TELEGRAM_WEBHOOK_SECRET) but without a database: it answers every callback query
// and echoes every text message. Prints "Echo bot is serving http://localhost:PORT".
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const secret = env('TELEGRAM_WEBHOOK_SECRET');

const bot = new Bot(env('TELEGRAM_BOT_TOKEN'), { client: { apiRoot: env('TELEGRAM_API_ROOT') } });
bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));

await bot.init();
await bot.api.setWebhook(`${env('PUBLIC_URL')}/webhook/telegram`, { secret_token: secret, allowed_updates: ['message', 'callback_query'] });

const app = new Hono();
app.post('/webhook/telegram', webhookCallback(bot, 'hono', { secretToken: secret }));
const server = serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) }, (info) => {
  console.log(`Echo bot is serving http://localhost:${info.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  process.exit(0);
});
