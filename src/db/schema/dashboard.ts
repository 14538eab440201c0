import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { documentTargets, documents } from './documents';
import { members } from './members';
import { units } from './units';

/**
 * Who may read the dashboard and how far: an admin sees every unit; a secretary
 * (or deputy) their own unit; a committee member the subtree under their unit.
 */
export const dashboardRoles = ['admin', 'secretary', 'committee'] as const;
export type DashboardRole = (typeof dashboardRoles)[number];

/** A one-time sign-in link. Only the SHA-256 of the token is stored. */
export const dashboardSignInLinks = sqliteTable(
  'dashboard_sign_in_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Null for an admin link minted from the CLI. */
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    role: text('role', { enum: dashboardRoles }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('dashboard_sign_in_links_expires_at_idx').on(t.expiresAt)],
);

/** A signed-in browser. Only the SHA-256 of the cookie value is stored. */
export const dashboardSessions = sqliteTable(
  'dashboard_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    role: text('role', { enum: dashboardRoles }).notNull(),
    /** Synchroniser token every form must post back. */
    csrfToken: text('csrf_token').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('dashboard_sessions_expires_at_idx').on(t.expiresAt)],
);

/** What the product can measure against a resolution's target. */
export const targetMetrics = [
  'study_confirmed',
  'quiz_participation',
  'quiz_pass',
  'attendance',
  'meetings_held',
  'members_linked',
  'feedback_average',
] as const;
export type TargetMetric = (typeof targetMetrics)[number];

/**
 * A target committee staff picked from a resolution (or typed in) and tied to a
 * measured figure, for a unit's subtree. `value` is a percentage, except for
 * feedback_average where it is a score out of 5.
 */
export const dashboardTargets = sqliteTable(
  'dashboard_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
    documentTargetId: integer('document_target_id').references(() => documentTargets.id, { onDelete: 'set null' }),
    label: text('label').notNull(),
    metric: text('metric', { enum: targetMetrics }).notNull(),
    value: real('value').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('dashboard_targets_unit_id_idx').on(t.unitId)],
);
