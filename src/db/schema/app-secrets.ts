import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Secrets the app generates for itself when none is configured (e.g. the member-link
 * signing key), kept here so every instance and a Worker share the same value.
 */
export const appSecrets = sqliteTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
