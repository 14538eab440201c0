import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Claims on incoming updates (and cron slots), so a redelivery is not handled twice.
 * `processedAt` is when the claim was (last) taken; a claim whose `handledAt` is still
 * null after its lease has run out belongs to a process that died mid-update, and a
 * redelivery may take it over (src/services/updates/lease-update.ts).
 */
export const processedUpdates = sqliteTable(
  'processed_updates',
  {
    channel: text('channel').notNull(),
    updateId: integer('update_id').notNull(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }).notNull(),
    handledAt: integer('handled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.channel, t.updateId] })],
);
