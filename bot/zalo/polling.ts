import { ZaloApiError } from './client';
import { handleZaloUpdate } from './handle-update';
import type { ZaloDeps } from './turn';
import { deriveUpdateId, parseZaloUpdates } from './update';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Long polling (getUpdates) for a Node process without a public URL. Each update is claimed
 * like a webhook delivery, so a restart or a second poller never handles one twice.
 */
export function startZaloPolling(deps: ZaloDeps & { timeoutSeconds?: number; onStop?: (error?: unknown) => void }) {
  let stopped = false;
  const done = (async () => {
    let failures = 0;
    while (!stopped) {
      let result: unknown;
      try {
        result = await deps.client.getUpdates(deps.timeoutSeconds ?? 30);
        failures = 0;
      } catch (error) {
        // Assumed: Zalo may end an empty long poll with 408 rather than an empty result.
        if (error instanceof ZaloApiError && (error.status === 408 || error.errorCode === 408)) continue;
        // A webhook is set (409) or the token is wrong (401): polling cannot work, say so and stop.
        if (error instanceof ZaloApiError && (error.status === 401 || error.status === 409 || error.errorCode === 401 || error.errorCode === 409)) {
          deps.logger.error('zalo polling stopped', { status: error.status });
          deps.onStop?.(error);
          return;
        }
        failures++;
        deps.logger.warn('zalo polling: getUpdates failed, retrying', { failures, error: error instanceof Error ? error.name : 'error' });
        await sleep(Math.min(1000 * 2 ** failures, 30_000));
        continue;
      }
      for (const update of parseZaloUpdates(result)) {
        if (!update.message) continue;
        const claim = { channel: 'zalo', updateId: deriveUpdateId(update) };
        if (!(await deps.services.claimUpdate(claim, 'polling:zalo'))) continue;
        try {
          await handleZaloUpdate(deps, update);
        } catch (error) {
          deps.logger.error('zalo polling: update failed', { updateId: claim.updateId, error: error instanceof Error ? error.name : 'unknown' });
          await deps.services.releaseUpdate(claim, 'polling:zalo').catch(() => undefined);
        }
      }
    }
    deps.onStop?.();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}
