import type { Bot, WebhookReplyEnvelope } from 'grammy';
import type { Update } from 'grammy/types';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { BotContext } from '../../bot/telegram/context';
import type { webhookReplyMethod } from '../../bot/telegram/create-bot';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { requireSecretHeader } from './middlewares/secret-token';
import { limitWebhookBody, readJsonBody } from './middlewares/webhook-body';

/** Only the id is checked here (grammY reads the rest); the body itself goes on, not a copy of it. */
const updateShape = z.object({ update_id: z.number().int().nonnegative() });

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
 * Marks handled updates in batches: every update finished within one turn of the event loop
 * shares one statement, and each request waits for the batch holding its update, so a
 * redelivery after the answer is always a duplicate. A failed mark still answers 200: the
 * handler did its work, and a later redelivery would be handled again harmlessly (handlers
 * are idempotent by their unique keys).
 */
function handledMarker(services: Services, logger: Logger) {
  let waiting: number[] = [];
  let batch: Promise<void> | null = null;
  return (updateId: number): Promise<void> => {
    waiting.push(updateId);
    batch ??= new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
      const updateIds = waiting;
      waiting = [];
      batch = null;
      await services.markUpdatesHandled({ channel: 'telegram', updateIds }, 'webhook:telegram').catch((error: unknown) => {
        logger.warn('telegram webhook: could not mark updates handled', { updates: updateIds.length, error: error instanceof Error ? error.name : 'unknown' });
      });
    });
    return batch;
  };
}

/**
 * Lets work outlive the response. Node keeps running it anyway; Workers cancel what is left
 * once the response is sent unless it is handed to waitUntil (Hono throws where there is none).
 */
function keepRunning(c: Context, work: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // Node: no execution context, nothing to do.
  }
}

/**
 * A webhook reply that will not ride on a response (the update was acknowledged late, without
 * it) goes out as an ordinary call instead. A callback answer is a courtesy: a failure is logged.
 */
async function sendReplyDirectly(bot: Bot<BotContext>, reply: string, logger: Logger) {
  const { method, ...params } = JSON.parse(reply) as { method: typeof webhookReplyMethod } & Record<string, unknown>;
  await bot.api.raw[method](params as never).catch((error: unknown) => {
    logger.warn('telegram webhook: late webhook reply failed', { method, error: error instanceof Error ? error.name : 'unknown' });
  });
}

/**
 * POST / for Telegram updates. Order matters: secret first (nothing else runs
 * on a forged request), then size, JSON, shape, duplicate check, and only then the bot.
 */
export function telegramWebhook(deps: { bot: Bot<BotContext>; secret: string; services: Services; logger: Logger }) {
  const markHandled = handledMarker(deps.services, deps.logger);
  /** Updates this process is handling, until marked handled or released. */
  const inFlight = new Set<number>();
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
      const lease = await deps.services.leaseUpdate({ channel: 'telegram', updateId }, 'webhook:telegram');
      if (lease === 'handled') {
        deps.logger.info('telegram webhook: duplicate update ignored', { updateId });
        return c.json({ ok: true, duplicate: true });
      }
      if (lease === 'in_progress') {
        if (inFlight.has(updateId)) {
          // This process is handling it (the same update twice at once, or a redelivery of one
          // acknowledged late): the first delivery's outcome stands.
          deps.logger.info('telegram webhook: duplicate update ignored', { updateId });
          return c.json({ ok: true, duplicate: true });
        }
        // Another process holds it. Not acknowledged: if that handler is alive it marks the update
        // handled, if its process died the lease runs out; either way Telegram's next delivery
        // gets the right answer.
        deps.logger.info('telegram webhook: update in progress elsewhere, not acknowledged', { updateId });
        return c.json({ ok: false, error: 'in_progress' }, 503);
      }
      // The handler's answer to a callback query rides on this request's response (see
      // createTelegramBot); once the response has gone, later calls go out as ordinary requests.
      let webhookReply: string | undefined;
      const envelope: WebhookReplyEnvelope = {
        send: async (payload) => {
          webhookReply = payload;
        },
      };
      // Entries pass a known identity; otherwise fetch it once per process (never for a forged request).
      const handling = (async () => {
        if (!deps.bot.isInited()) await deps.bot.init();
        await deps.bot.handleUpdate(json.body as Update, envelope);
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
      const settled = handling.then((o) => (o.ok ? markHandled(updateId) : release(o.error)));
      inFlight.add(updateId);
      void settled.finally(() => inFlight.delete(updateId));
      const outcome = await withinDeadline(handling, answerWithinMs);
      if (outcome === 'late') {
        // A slow or hanging Bot API must not hold Telegram's connection (it would redeliver, and
        // further updates queue behind): acknowledge now, let the handler finish on its own.
        deps.logger.warn('telegram webhook: update still running at the deadline, acknowledged', { updateId });
        envelope.send = undefined;
        keepRunning(c, settled);
        if (webhookReply !== undefined) keepRunning(c, sendReplyDirectly(deps.bot, webhookReply, deps.logger));
        return c.json({ ok: true, late: true });
      }
      await settled;
      if (!outcome.ok) return c.json({ ok: false, error: 'handler_failed' }, 500);
      // Telegram performs a method named in a 200 response: the reply replaces the usual { ok: true }.
      return webhookReply === undefined ? c.json({ ok: true }) : c.body(webhookReply, 200, { 'content-type': 'application/json' });
    },
  );
  return app;
}
