import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { members } from './members';
import { units } from './units';

export const meetingKinds = ['dinh_ky', 'chuyen_de', 'chi_uy', 'dang_bo', 'giao_ban', 'khac'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A meeting (sinh hoạt) of a unit; times in UTC, shown in Asia/Ho_Chi_Minh. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: meetingKinds }).notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    createdByMemberId: integer('created_by_member_id').references(() => members.id, { onDelete: 'set null' }),
    noticeBroadcastId: integer('notice_broadcast_id'),
    /** Feedback is shown without names when the unit chooses so. */
    anonymousFeedback: integer('anonymous_feedback', { mode: 'boolean' }).notNull().default(false),
    rating: text('rating', { enum: ['tot', 'kha', 'trung_binh', 'kem'] }),
    ratingDetails: text('rating_details', { mode: 'json' }).$type<Record<string, unknown>>(),
    ratedAt: integer('rated_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    // Kept by triggers (migration 0012) so dashboards sum meetings, not millions of invitee rows.
    /** Vietnam-time month index (year × 12 + month − 1) of starts_at. */
    month: integer('month'),
    /** Invitees whose attendance counts (taken, not a guide, not exempt) and those present or late. */
    countedAttendance: integer('counted_attendance').notNull().default(0),
    presentAttendance: integer('present_attendance').notNull().default(0),
    feedbackCount: integer('feedback_count').notNull().default(0),
    feedbackSum: integer('feedback_sum').notNull().default(0),
  },
  (t) => [
    index('meetings_unit_id_starts_at_idx').on(t.unitId, t.startsAt),
    // Covers the dashboard's per-unit pass over meetings, so it never reads the table rows.
    index('meetings_dashboard_idx').on(
      t.unitId,
      t.startsAt,
      t.status,
      t.kind,
      t.month,
      t.countedAttendance,
      t.presentAttendance,
      t.feedbackCount,
      t.feedbackSum,
    ),
  ],
);

export const meetingReplies = ['attending', 'excused'] as const;
export const attendanceStates = ['present', 'late', 'excused', 'absent', 'exempt'] as const;
export type AttendanceState = (typeof attendanceStates)[number];

/** Everyone expected at a meeting: the unit's members and higher-committee members assigned to attend. */
export const meetingInvitees = sqliteTable(
  'meeting_invitees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** Assigned by a higher committee to attend and guide (dự sinh hoạt). */
    isGuide: integer('is_guide', { mode: 'boolean' }).notNull().default(false),
    reply: text('reply', { enum: meetingReplies }),
    reason: text('reason'),
    repliedAt: integer('replied_at', { mode: 'timestamp_ms' }),
    attendance: text('attendance', { enum: attendanceStates }),
    attendanceReason: text('attendance_reason'),
    checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_invitees_member_id_idx').on(t.memberId),
    // The dashboard counts replies and attendance per meeting from this index alone, without
    // reading each invitee's row.
    index('meeting_invitees_replies_idx').on(t.meetingId, t.isGuide, t.reply, t.attendance),
  ],
);

/**
 * A question the bot asked and is waiting for a typed answer to (a reason for
 * absence, the next step of creating a meeting). Kept in the database, not memory.
 */
export const chatPrompts = sqliteTable(
  'chat_prompts',
  {
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    kind: text('kind').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] })],
);

/** Post-meeting survey answers: one per attendee and meeting. */
export const meetingFeedback = sqliteTable(
  'meeting_feedback',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('meeting_feedback_member_id_idx').on(t.memberId)],
);

/** What the daily compliance check found missing, once per unit, rule and period. */
export const complianceFindings = sqliteTable(
  'compliance_findings',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    period: text('period').notNull(),
    foundAt: integer('found_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.rule, t.period] })],
);

/** Documents members should study before a meeting. */
export const meetingDocuments = sqliteTable(
  'meeting_documents',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.documentId] })],
);

/** A regular meeting set once that recurs every month on the same day and time (Vietnam time). */
export const meetingSeries = sqliteTable('meeting_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id, { onDelete: 'cascade' }),
  organiserId: integer('organiser_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  dayOfMonth: integer('day_of_month').notNull(),
  minuteOfDay: integer('minute_of_day').notNull(),
  place: text('place').notNull(),
  agenda: text('agenda').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Higher-committee members assigned to attend and guide a unit's meetings (dự sinh hoạt). */
export const unitGuides = sqliteTable(
  'unit_guides',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.memberId] })],
);
