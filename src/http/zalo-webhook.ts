import { Hono } from 'hono';
import { takeZaloUpdate } from '../../bot/zalo/take-update';
import type { ZaloDeps } from '../../bot/zalo/turn';
import { parseZaloUpdate } from '../../bot/zalo/update';
import { requireSecretHeader } from './middlewares/secret-token';
import { limitWebhookBody, readJsonBody } from './middlewares/webhook-body';

/** A Zalo update is a few KB at most; anything far larger is not from Zalo. */
const maxBodyBytes = 256 * 1024;

/**
 * POST / for Zalo Bot Platform updates. Same order as the Telegram webhook: the secret
 * (`X-Bot-Api-Secret-Token`, set with setWebhook's `secret_token`) first, so a forged request
 * writes nothing and calls nothing; then size, JSON, shape, duplicate check, then the handlers.
 */
export function zaloWebhook(deps: ZaloDeps & { secret: string }) {
  const app = new Hono();
  app.post(
    '/',
    requireSecretHeader('X-Bot-Api-Secret-Token', deps.secret),
    limitWebhookBody(maxBodyBytes, deps.logger, 'zalo webhook'),
    async (c) => {
      const json = await readJsonBody(c);
      if (!json.ok) {
        deps.logger.warn('zalo webhook: body is not JSON');
        return c.json({ ok: false, error: 'invalid_json' }, 400);
      }
      const update = parseZaloUpdate(json.body);
      if (!update) {
        deps.logger.warn('zalo webhook: body is not an update');
        return c.json({ ok: false, error: 'not_an_update' }, 400);
      }
      // Events the bot does not read (a user reacting, joining…) are acknowledged and not stored.
      if (!update.message) return c.json({ ok: true, ignored: true });
      const outcome = await takeZaloUpdate(deps, update, 'webhook:zalo');
      if (outcome === 'duplicate') {
        deps.logger.info('zalo webhook: duplicate update ignored');
        return c.json({ ok: true, duplicate: true });
      }
      // Not acknowledged: Zalo delivers it again, when it is handled or its holder's lease has run out.
      if (outcome === 'in_progress') return c.json({ ok: false, error: 'in_progress' }, 503);
      if (outcome === 'failed') return c.json({ ok: false, error: 'handler_failed' }, 500);
      return c.json({ ok: true });
    },
  );
  return app;
}
