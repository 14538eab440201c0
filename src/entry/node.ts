import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { setDefaultCommands } from '../../bot/telegram/commands';
import { ConfigError, createConfig } from '../config';
import { migrateDatabase, openDatabase } from '../db/open-node';
import { createLogger } from '../logger';
import { systemClock } from '../services/context';
import { createOutboxSender } from '../services/outbox/outbox-sender';
import { jobs, runAllJobs, runJob } from '../jobs/registry';
import { startZalo } from '../../bot/zalo/start-zalo';

/** Node entry: env → config → libSQL → migrations → demo seed → HTTP server → bot. */
async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel);

  const { client, db } = await openDatabase(config.databaseUrl, config.databaseAuthToken, config.databaseReplica);
  await migrateDatabase(db);
  const chibo = createApp({ config, db, clock: systemClock, logger });
  if (config.seedDemo && (await chibo.services.seedDemoIfEmpty(undefined, 'system'))) {
    logger.info('database was empty: seeded the demo organisation (see `npm run cli -- units list`)');
  }

  const server = serve({ fetch: chibo.app.fetch, hostname: config.host, port: config.port }, (info) => {
    const base = `http://localhost:${info.port}`;
    console.log(`Chibo is serving ${base}`);
    console.log(`  health:   ${base}/health`);
    console.log(`  database: ${config.databaseUrl.startsWith('file:') ? config.databaseUrl : 'remote libSQL'}`);
    if (config.publicUrl && chibo.bot) console.log(`  telegram webhook: ${config.publicUrl}/webhook/telegram`);
  });

  const bot = chibo.bot;
  // Proactive messages go out from here, never from a webhook request: one sender per channel,
  // started once its channel is up.
  const outboxes = new Map(
    chibo.outboxChannels.map(({ sender, limits, progressSenders }) => [
      sender.channel,
      createOutboxSender({ ctx: { db, clock: systemClock, actor: 'outbox' }, sender, limits, logger, progressSenders }),
    ]),
  );
  const runOutbox = (channel: string) =>
    void outboxes
      .get(channel)
      ?.run()
      .catch((e: unknown) => logger.error('outbox sender stopped', { channel, error: e instanceof Error ? e.name : 'error' }));
  if (!bot) {
    logger.warn('Telegram bot is OFF: TELEGRAM_BOT_TOKEN is not set. Serving HTTP only.');
  } else {
    try {
      await bot.init();
      await setDefaultCommands(bot.api).catch((e: unknown) =>
        logger.warn('could not set the command menu', { error: e instanceof Error ? e.message.slice(0, 120) : 'unknown' }),
      );
      if (config.publicUrl) {
        await bot.api.setWebhook(`${config.publicUrl}/webhook/telegram`, {
          secret_token: config.telegram.webhookSecret,
          allowed_updates: ['message', 'callback_query', 'my_chat_member'],
        });
        chibo.setBotMode('webhook');
        logger.info('Telegram bot is ON (webhook)', { bot: bot.botInfo.username });
      } else {
        chibo.setBotMode('polling');
        logger.info('Telegram bot is ON (long polling; set PUBLIC_URL for webhook mode)', { bot: bot.botInfo.username });
        void bot.start({ drop_pending_updates: false }).catch((e: unknown) => {
          chibo.setBotMode('off');
          logger.error('Telegram polling stopped', { error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' });
        });
      }
      runOutbox('telegram');
    } catch (e) {
      logger.error('Telegram bot could not start; serving HTTP only', {
        error: e instanceof Error ? e.message.slice(0, 200) : 'unknown',
      });
    }
  }

  // Zalo (optional): webhook or polling, then its outbox at Zalo's pace.
  const zalo = chibo.zalo
    ? await startZalo({ client: chibo.zalo, services: chibo.services, logger, pageLink: chibo.zaloPageLink, publicUrl: config.publicUrl, webhookSecret: config.zalo.webhookSecret }).catch(
        (e: unknown) => void logger.error('Zalo bot could not start', { error: e instanceof Error ? e.name : 'unknown' }),
      )
    : undefined;
  if (zalo) runOutbox('zalo');

  // Scheduled jobs: the registry's cron expressions in UTC, plus one catch-up run now. Overlapping
  // runs of a job queue behind each other in oncePerSlot, which also covers the catch-up run.
  const jobDeps = chibo.jobDeps;
  const tasks = jobs.map((job) => cron.schedule(job.cron, () => runJob(job, jobDeps), { timezone: 'UTC', name: job.name }));
  void runAllJobs(jobDeps);

  const shutdown = async (signal: string) => {
    logger.info(`received ${signal}, shutting down`);
    for (const task of tasks) await task.stop();
    for (const outbox of outboxes.values()) outbox.stop();
    await zalo?.stop();
    if (bot?.isRunning()) await bot.stop();
    server.close();
    client.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Chibo failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
