import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import type { ServiceContext } from '../../src/services/context';
import { type ChannelSender, zaloLimits } from '../../src/services/outbox/channel-sender';
import { createOutboxSender } from '../../src/services/outbox/outbox-sender';
import type { ZaloClient } from './client';
import { startZaloPolling } from './polling';
import { createZaloChannelSender } from './zalo-channel-sender';

/**
 * Starts the Zalo side of a long-running process: the webhook is registered with Zalo when
 * there is a public URL and a secret (the route itself is mounted by createApp), long polling
 * otherwise; and the outbox sender that delivers notices to Zalo members at Zalo's pace.
 */
export async function startZalo(deps: {
  client: ZaloClient;
  services: Services;
  ctx: ServiceContext;
  logger: Logger;
  publicUrl?: string;
  webhookSecret?: string;
  /** Other channels' senders, for the progress of broadcasts started there. */
  progressSenders?: Record<string, ChannelSender>;
}) {
  await deps.client.getMe();
  let mode: 'webhook' | 'polling';
  let polling: ReturnType<typeof startZaloPolling> | null = null;
  if (deps.publicUrl && deps.webhookSecret) {
    await deps.client.setWebhook(`${deps.publicUrl}/webhook/zalo`, deps.webhookSecret);
    mode = 'webhook';
  } else {
    await deps.client.deleteWebhook().catch(() => undefined);
    polling = startZaloPolling({ client: deps.client, services: deps.services, logger: deps.logger });
    mode = 'polling';
  }
  const sender = createZaloChannelSender({ client: deps.client, services: deps.services });
  const outbox = createOutboxSender({ ctx: deps.ctx, sender, limits: zaloLimits, logger: deps.logger, progressSenders: deps.progressSenders });
  const running = outbox.run().catch((e: unknown) => deps.logger.error('zalo outbox sender stopped', { error: e instanceof Error ? e.name : 'error' }));
  deps.logger.info(`Zalo bot is ON (${mode})`);
  return {
    mode,
    sender,
    async stop() {
      outbox.stop();
      // A long poll may be waiting up to its timeout: do not hold shutdown for it.
      void polling?.stop();
      await running;
    },
  };
}
