import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createTelegramBot } from '../bot/telegram/create-bot';
import type { BotContext } from '../bot/telegram/context';
import type { Config } from './config';
import type { Database } from './db/client';
import { dashboardRoutes } from './http/dashboard/routes';
import { type BotMode, health } from './http/health';
import { memberPageRoutes } from './http/member-pages/routes';
import { telegramWebhook } from './http/telegram-webhook';
import { zaloWebhook } from './http/zalo-webhook';
import { createZaloClient, type ZaloClient } from '../bot/zalo/client';
import type { PageLinkFor } from '../bot/zalo/turn';
import type { Logger } from './logger';
import { createServices } from './services';
import { defaultMeetingRules } from './services/meetings/meeting-rules';
import { createOpenAiSummariser } from './services/documents/model-summariser';
import type { Clock } from './services/context';
import type { JobDeps } from './jobs/registry';
import { type OutboxChannel, telegramLimits, zaloLimits } from './services/outbox/channel-sender';
import { createTelegramChannelSender } from '../bot/telegram/telegram-channel-sender';
import { createZaloChannelSender } from '../bot/zalo/zalo-channel-sender';
import { telegramMeetingMessages } from '../bot/telegram/meeting-messages';

export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Known bot identity (skips getMe); entries fetch it once at start. */
  botInfo?: UserFromGetMe;
}

/** The composition root shared by the Node and Workers entries. */
export function createApp(deps: AppDeps) {
  const summariser = deps.config.summariser ? createOpenAiSummariser(deps.config.summariser) : undefined;
  const services = createServices({ db: deps.db, clock: deps.clock, summariser, memberLinkSecret: deps.config.memberLinkSecret });
  const { token, apiRoot, webhookSecret } = deps.config.telegram;
  const meetingRules = { ...defaultMeetingRules, ...deps.config.meetingRules };
  const publicBase = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  const bot: Bot<BotContext> | null = token
    ? createTelegramBot({ token, apiRoot, services, logger: deps.logger, botInfo: deps.botInfo, meetingRules, dashboardUrl: publicBase })
    : null;
  let botMode: BotMode = 'off';
  const zalo: ZaloClient | null = deps.config.zalo.token ? createZaloClient({ token: deps.config.zalo.token, apiRoot: deps.config.zalo.apiRoot }) : null;
  // Zalo has no buttons: its quiz and meeting messages carry a link to the member's own page.
  const zaloPageLink: PageLinkFor = async (input) => {
    const path = await services.createChatPageLink(input, 'zalo');
    return path ? `${publicBase}${path}` : null;
  };

  const app = new Hono();
  // same-origin, not no-referrer: with no-referrer Chromium posts forms with `Origin: null`,
  // which the dashboard's Origin check must refuse. Nothing leaks to other sites either way.
  app.use(secureHeaders({ referrerPolicy: 'same-origin' }));
  app.get('/', (c) => c.text('Chibo đang hoạt động. Kiểm tra trạng thái tại /health.'));
  app.route('/health', health({ db: deps.db, botMode: () => botMode }));
  app.route('/dashboard', dashboardRoutes({ services, rules: meetingRules, logger: deps.logger, publicUrl: deps.config.publicUrl }));
  app.route('/m', memberPageRoutes({ services, logger: deps.logger, publicUrl: deps.config.publicUrl }));
  if (bot && webhookSecret) {
    app.route('/webhook/telegram', telegramWebhook({ bot, secret: webhookSecret, services, logger: deps.logger }));
  }
  if (zalo && deps.config.zalo.webhookSecret) {
    app.route('/webhook/zalo', zaloWebhook({ client: zalo, services, logger: deps.logger, pageLink: zaloPageLink, secret: deps.config.zalo.webhookSecret }));
  }
  app.notFound((c) => c.json({ ok: false, error: 'not_found' }, 404));
  app.onError((error, c) => {
    deps.logger.error('http request failed', { path: c.req.path, error: error.name });
    return c.json({ ok: false, error: 'internal_error' }, 500);
  });

  // What both entries drain the outbox through (Node in a loop, Workers per Cron Trigger).
  // A broadcast started on Telegram reports its progress there, whichever channel finishes last.
  const telegramSender = bot ? createTelegramChannelSender(bot.api) : null;
  const outboxChannels: OutboxChannel[] = [];
  if (telegramSender) outboxChannels.push({ sender: telegramSender, limits: telegramLimits });
  if (zalo) {
    outboxChannels.push({
      sender: createZaloChannelSender({ client: zalo, services }),
      limits: zaloLimits,
      progressSenders: telegramSender ? { telegram: telegramSender } : {},
    });
  }
  const jobDeps: JobDeps = {
    ctx: { db: deps.db, clock: deps.clock, actor: 'job' },
    messages: telegramMeetingMessages,
    rules: meetingRules,
    retention: deps.config.retention,
    logger: deps.logger,
  };

  return {
    app,
    config: deps.config,
    services,
    bot,
    outboxChannels,
    jobDeps,
    /** The Zalo Bot Platform client when ZALO_BOT_TOKEN is set (the Node entry registers the webhook or polls with it). */
    zalo,
    zaloPageLink,
    setBotMode: (mode: BotMode) => {
      botMode = mode;
    },
  };
}

export type ChiboApp = ReturnType<typeof createApp>;
