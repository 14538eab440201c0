import { handleZaloUpdate } from './handle-update';
import type { ZaloDeps } from './turn';
import { deriveUpdateId, type ZaloUpdate } from './update';

/**
 * - `handled`: handled now.
 * - `duplicate`: handled before (a redelivery): acknowledge and do nothing.
 * - `in_progress`: another process holds its lease: leave it for a later delivery.
 * - `failed`: the database failed; the claim was given back so a redelivery is handled.
 */
export type TakeOutcome = 'handled' | 'duplicate' | 'in_progress' | 'failed';

/**
 * Takes one Zalo message, from the webhook or from polling, under the same lease as Telegram
 * updates: claimed, handled, then marked handled; a process killed mid-message leaves a lease
 * that runs out, and Zalo's redelivery is handled then.
 */
export async function takeZaloUpdate(deps: ZaloDeps, update: ZaloUpdate, actor: string): Promise<TakeOutcome> {
  const claim = { channel: 'zalo', updateId: deriveUpdateId(update) };
  const lease = await deps.services.leaseUpdate(claim, actor);
  if (lease === 'handled') return 'duplicate';
  if (lease === 'in_progress') return 'in_progress';
  try {
    await handleZaloUpdate(deps, update);
  } catch (error) {
    deps.logger.error('zalo: update failed', { updateId: claim.updateId, error: error instanceof Error ? error.name : 'unknown' });
    await deps.services.releaseUpdate(claim, actor).catch(() => undefined);
    return 'failed';
  }
  await deps.services.markUpdatesHandled({ channel: 'zalo', updateIds: [claim.updateId] }, actor).catch((error: unknown) => {
    // Still leased: a redelivery within the lease is refused, after it handled again (harmless: the writes are idempotent).
    deps.logger.warn('zalo: could not mark an update handled', { updateId: claim.updateId, error: error instanceof Error ? error.name : 'unknown' });
  });
  return 'handled';
}
