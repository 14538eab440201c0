import type { Clock } from '../../../src/services/context';

/**
 * A business clock running `factor` times faster than real time, so retry backoffs of
 * seconds pass in tens of milliseconds while the sender's pacing (real time) stays honest.
 */
export function fastClock(factor: number, start = Date.now()): Clock {
  const origin = performance.now();
  return { now: () => new Date(start + (performance.now() - origin) * factor) };
}
