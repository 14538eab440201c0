import type { Database } from '../db/client';

/** The one clock: services read time from here so tests can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * Who is acting, for the audit log and permission checks:
 * "cli", "system", "telegram:<memberId>", "web:<memberId>".
 */
export type Actor = string;

export interface ServiceContext {
  db: Database;
  clock: Clock;
  actor: Actor;
}
