import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';

/** A proactive send to many members (a notice, reminders, a nudge), with its progress message. */
export const broadcasts = sqliteTable('broadcasts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  createdByMemberId: integer('created_by_member_id').references(() => members.id, { onDelete: 'set null' }),
  /** Where the starter sees progress ("Đã gửi 1.250/3.412 …"), edited as the send goes. */
  progressChannel: text('progress_channel'),
  progressChatId: text('progress_chat_id'),
  progressMessageId: text('progress_message_id'),
  total: integer('total').notNull(),
  notLinked: integer('not_linked').notNull().default(0),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  progressAt: integer('progress_at', { mode: 'timestamp_ms' }),
  reportedAt: integer('reported_at', { mode: 'timestamp_ms' }),
});

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'blocked', 'uncertain'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export type OutboxKeyboard = { text: string; data: string }[][];

/**
 * One message to one chat. `dedupeKey` makes enqueueing idempotent; the status
 * moves pending → sending (claimed by one sender) → sent / failed / blocked, or
 * "uncertain" when a sender died while the request was in flight.
 */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    broadcastId: integer('broadcast_id').references(() => broadcasts.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key').notNull(),
    channel: text('channel').notNull(),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'set null' }),
    chatId: text('chat_id').notNull(),
    text: text('text').notNull(),
    keyboard: text('keyboard', { mode: 'json' }).$type<OutboxKeyboard>(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    externalMessageId: text('external_message_id'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('outbox_messages_dedupe_key_idx').on(t.dedupeKey),
    index('outbox_messages_status_next_attempt_at_idx').on(t.status, t.nextAttemptAt),
    index('outbox_messages_broadcast_id_status_idx').on(t.broadcastId, t.status),
  ],
);
