import { ZaloApiError } from './client';
import { takeZaloUpdate } from './take-update';
import type { ZaloDeps } from './turn';
import { parseZaloUpdates } from './update';

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
        // A short pause, in case Zalo answers 408 at once rather than at the poll's end.
        if (error instanceof ZaloApiError && (error.status === 408 || error.errorCode === 408)) {
          await sleep(500);
          continue;
        }
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
        try {
          await takeZaloUpdate(deps, update, 'polling:zalo');
        } catch (error) {
          // The database failing (busy, unreachable): this message is lost to polling (getUpdates
          // hands a message out once) and the log says so; polling carries on after a pause
          // rather than ending the process.
          failures++;
          deps.logger.error('zalo polling: update not taken', { failures, error: error instanceof Error ? error.name : 'unknown' });
          await sleep(Math.min(1000 * 2 ** failures, 30_000));
        }
      }
    }
    deps.onStop?.();
  })().catch((error: unknown) => {
    // Nothing above should throw; if it does, polling ends and says so instead of ending the process.
    deps.logger.error('zalo polling stopped', { error: error instanceof Error ? error.name : 'unknown' });
    deps.onStop?.(error);
  });
  return {
    async stop() {
      stopped = true;
      await done;
    },
  };
}
