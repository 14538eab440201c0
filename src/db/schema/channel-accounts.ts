import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';

export const channels = ['telegram', 'zalo'] as const;
export type Channel = (typeof channels)[number];

/** A member's account on a chat channel; one per member and channel. */
export const channelAccounts = sqliteTable(
  'channel_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: channels }).notNull(),
    externalId: text('external_id').notNull(),
    chatId: text('chat_id').notNull(),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    linkedAt: integer('linked_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when the channel says the member blocked the bot; cleared when they write again. */
    blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('channel_accounts_channel_external_id_idx').on(t.channel, t.externalId),
    uniqueIndex('channel_accounts_member_id_channel_idx').on(t.memberId, t.channel),
  ],
);

export type ChannelAccount = typeof channelAccounts.$inferSelect;
