import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { Hono } from 'hono';
import { z } from 'zod';
import type { BotContext } from '../../bot/telegram/context';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { requireSecretHeader } from './middlewares/secret-token';
import { limitWebhookBody, readJsonBody } from './middlewares/webhook-body';

const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

/** Telegram sends at most a few KB per update; anything far larger is not from Telegram. */
const maxBodyBytes = 1024 * 1024;

/**
 * How long a webhook request may run before it is answered anyway: grammY's own
 * webhookCallback default, well inside the time Telegram waits before redelivering.
 */
const answerWithinMs = 10_000;

/** Resolves with the settled value, or with 'late' once `ms` have passed. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * POST / for Telegram updates. Order matters: secret first (nothing else runs
 * on a forged request), then size, JSON, shape, duplicate check, and only then the bot.
 */
export function telegramWebhook(deps: { bot: Bot<BotContext>; secret: string; services: Services; logger: Logger }) {
  const app = new Hono();
  app.post(
    '/',
    requireSecretHeader('X-Telegram-Bot-Api-Secret-Token', deps.secret),
    limitWebhookBody(maxBodyBytes, deps.logger, 'telegram webhook'),
    async (c) => {
      const json = await readJsonBody(c);
      if (!json.ok) {
        deps.logger.warn('telegram webhook: body is not JSON');
        return c.json({ ok: false, error: 'invalid_json' }, 400);
      }
      const parsed = updateShape.safeParse(json.body);
      if (!parsed.success) {
        deps.logger.warn('telegram webhook: body is not an update');
        return c.json({ ok: false, error: 'not_an_update' }, 400);
      }
      const updateId = parsed.data.update_id;
      const fresh = await deps.services.claimUpdate({ channel: 'telegram', updateId }, 'webhook:telegram');
      if (!fresh) {
        deps.logger.info('telegram webhook: duplicate update ignored', { updateId });
        return c.json({ ok: true, duplicate: true });
      }
      // Entries pass a known identity; otherwise fetch it once per process (never for a forged request).
      const handling = (async () => {
        if (!deps.bot.isInited()) await deps.bot.init();
        await deps.bot.handleUpdate(parsed.data as unknown as Update);
      })().then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // Handler errors are answered by the bot's boundary; a failure here means the bot itself
      // failed (e.g. database down). Release the claim so Telegram's retry counts.
      const release = async (error: unknown) => {
        deps.logger.error('telegram webhook: update failed', { updateId, error: error instanceof Error ? error.name : 'unknown' });
        await deps.services.releaseUpdate({ channel: 'telegram', updateId }, 'webhook:telegram').catch(() => undefined);
      };
      const outcome = await withinDeadline(handling, answerWithinMs);
      if (outcome === 'late') {
        // A slow or hanging Bot API must not hold Telegram's connection (it would redeliver, and
        // further updates queue behind): acknowledge now, let the handler finish on its own.
        deps.logger.warn('telegram webhook: update still running at the deadline, acknowledged', { updateId });
        void handling.then((o) => (o.ok ? undefined : release(o.error)));
        return c.json({ ok: true, late: true });
      }
      if (!outcome.ok) {
        await release(outcome.error);
        return c.json({ ok: false, error: 'handler_failed' }, 500);
      }
      return c.json({ ok: true });
    },
  );
  return app;
}
