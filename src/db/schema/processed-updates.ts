import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Updates already handled, so a redelivered update is acknowledged and ignored. */
export const processedUpdates = sqliteTable(
  'processed_updates',
  {
    channel: text('channel').notNull(),
    updateId: integer('update_id').notNull(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.updateId] })],
);
