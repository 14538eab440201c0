import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import type { ZaloClient } from './client';
import { startZaloPolling } from './polling';
import type { PageLinkFor } from './turn';

/**
 * Starts the Zalo side of a long-running process: the webhook is registered with Zalo when
 * there is a public URL and a secret (the route itself is mounted by createApp), long polling
 * otherwise. Zalo's outbox sender is one of createApp's outbox channels, run by the entry.
 */
export async function startZalo(deps: {
  client: ZaloClient;
  services: Services;
  logger: Logger;
  pageLink?: PageLinkFor;
  publicUrl?: string;
  webhookSecret?: string;
}) {
  await deps.client.getMe();
  let mode: 'webhook' | 'polling';
  let polling: ReturnType<typeof startZaloPolling> | null = null;
  if (deps.publicUrl && deps.webhookSecret) {
    await deps.client.setWebhook(`${deps.publicUrl}/webhook/zalo`, deps.webhookSecret);
    mode = 'webhook';
  } else {
    await deps.client.deleteWebhook().catch(() => undefined);
    polling = startZaloPolling({ client: deps.client, services: deps.services, logger: deps.logger, pageLink: deps.pageLink });
    mode = 'polling';
  }
  deps.logger.info(`Zalo bot is ON (${mode})`);
  return {
    mode,
    async stop() {
      // A long poll may be waiting up to its timeout: do not hold shutdown for it.
      void polling?.stop();
    },
  };
}
