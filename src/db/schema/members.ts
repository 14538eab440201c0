import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { units } from './units';

export const memberRoles = ['member', 'secretary', 'deputy_secretary', 'committee_member'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** chính thức (full) or dự bị (probationary). */
export const memberStatuses = ['full', 'probationary'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role', { enum: memberRoles }).notNull().default('member'),
    status: text('status', { enum: memberStatuses }).notNull().default('full'),
    phone: text('phone'),
    birthYear: integer('birth_year'),
    // miễn sinh hoạt: not counted as absent from meetings.
    exempt: integer('exempt', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('members_unit_id_idx').on(t.unitId)],
);

/** Which unit a member belonged to and when (chuyển sinh hoạt keeps the history). */
export const memberUnitHistory = sqliteTable(
  'member_unit_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    fromAt: integer('from_at', { mode: 'timestamp_ms' }).notNull(),
    toAt: integer('to_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('member_unit_history_member_id_idx').on(t.memberId)],
);

export type Member = typeof members.$inferSelect;
