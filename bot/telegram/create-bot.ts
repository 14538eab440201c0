import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import type { MeetingRules } from '../../src/services/meetings/meeting-rules';
import type { BotContext } from './context';
import { dashboardFeature } from './features/dashboard';
import { documentsFeature } from './features/documents';
import { helpFeature } from './features/help';
import { meFeature } from './features/me';
import { meetingsFeature } from './features/meetings';
import { memberPagesFeature } from './features/member-pages';
import { quizzesFeature } from './features/quizzes';
import { searchFeature } from './features/search';
import { startFeature } from './features/start';
import { unhandledFeature } from './features/unhandled';
import { unitMembersFeature } from './features/unit-members';
import { errorBoundary } from './middlewares/error-boundary';
import { loadMember } from './middlewares/load-member';

export interface TelegramBotDeps {
  token: string;
  apiRoot: string;
  services: Services;
  logger: Logger;
  /** Known bot identity: skips getMe (tests, and webhook requests never call it). */
  botInfo?: UserFromGetMe;
  meetingRules: MeetingRules;
  /** Base URL of the web app, for /dashboard sign-in links and /trang member page links. */
  dashboardUrl: string;
}

/**
 * In webhook mode, the first callback answer of an update rides on the webhook's HTTP response
 * (Telegram performs it): one outgoing request less per button tap, which was about a third of
 * the Bot API calls. Polling has no response to carry it.
 */
export const webhookReplyMethod = 'answerCallbackQuery';

/** Builds the Telegram bot: error boundary → member loading → features → unhandled. */
export function createTelegramBot(deps: TelegramBotDeps): Bot<BotContext> {
  // 30 s, not grammY's 500 s: a hanging Bot API must not stall the outbox sender past its stale-claim window.
  const bot = new Bot<BotContext>(deps.token, {
    client: { apiRoot: deps.apiRoot, timeoutSeconds: 30, canUseWebhookReply: (method) => method === webhookReplyMethod },
    botInfo: deps.botInfo,
  });
  bot.use((ctx, next) => {
    ctx.services = deps.services;
    ctx.logger = deps.logger;
    ctx.meetingRules = deps.meetingRules;
    ctx.member = null;
    ctx.actor = 'telegram:anonymous';
    return next();
  });
  bot.use(errorBoundary);
  bot.use(loadMember());
  bot.use(startFeature(), helpFeature(), meFeature(), unitMembersFeature(), documentsFeature(), searchFeature(), meetingsFeature(), quizzesFeature(), dashboardFeature(deps.dashboardUrl), memberPagesFeature(deps.dashboardUrl));
  bot.use(unhandledFeature());
  bot.catch((err) => {
    deps.logger.error('telegram update failed outside the boundary', {
      updateId: err.ctx.update.update_id,
      error: err.error instanceof Error ? err.error.name : typeof err.error,
    });
  });
  return bot;
}
