import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { members } from './members';
import { units } from './units';

export const questionDifficulties = ['easy', 'medium', 'hard'] as const;
export type QuestionDifficulty = (typeof questionDifficulties)[number];

/** A quiz set (bộ câu hỏi), loaded from quizzes/*.yaml, a question bank sheet, or drafted from a document. */
export const quizSets = sqliteTable('quiz_sets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  description: text('description'),
  documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
  documentNumber: text('document_number'),
  /** Source file name of the document, for documents that carry no number. */
  documentFile: text('document_file'),
  shuffleQuestions: integer('shuffle_questions', { mode: 'boolean' }).notNull().default(true),
  timeLimitSeconds: integer('time_limit_seconds'),
  /** Questions drawn per attempt (null: all), optionally filtered by tags and difficulty. */
  drawCount: integer('draw_count'),
  drawTags: text('draw_tags', { mode: 'json' }).$type<string[]>(),
  drawDifficulty: text('draw_difficulty', { enum: questionDifficulties }),
  passPercent: integer('pass_percent').notNull().default(80),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const questionStatuses = ['approved', 'draft', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const quizQuestions = sqliteTable(
  'quiz_questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    setId: integer('set_id')
      .notNull()
      .references(() => quizSets.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    options: text('options', { mode: 'json' }).$type<string[]>().notNull(),
    correct: text('correct', { mode: 'json' }).$type<number[]>().notNull(),
    explanation: text('explanation').notNull(),
    sectionPath: text('section_path'),
    quote: text('quote'),
    difficulty: text('difficulty', { enum: questionDifficulties }).notNull().default('medium'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    // Drafts never reach members; retired questions keep their answers for history.
    status: text('status', { enum: questionStatuses }).notNull().default('approved'),
  },
  (t) => [uniqueIndex('quiz_questions_set_id_key_idx').on(t.setId, t.key)],
);

/** Which units may take a quiz set (members of the unit and every unit below). */
export const quizSetUnits = sqliteTable(
  'quiz_set_units',
  {
    setId: integer('set_id')
      .notNull()
      .references(() => quizSets.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.setId, t.unitId] })],
);

/** An online contest (cuộc thi trực tuyến) on a quiz set. */
export const contests = sqliteTable('contests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  setId: integer('set_id')
    .notNull()
    .references(() => quizSets.id),
  opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
  closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
  attemptsAllowed: integer('attempts_allowed').notNull().default(1),
  /** Ask entrants to predict how many will answer everything correctly (tie-break). */
  askPrediction: integer('ask_prediction', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const contestUnits = sqliteTable(
  'contest_units',
  {
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.unitId] })],
);

/**
 * One member's run through a quiz. The drawn questions and each question's option
 * order are fixed at the start, so any process can render the next question.
 */
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    setId: integer('set_id')
      .notNull()
      .references(() => quizSets.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    contestId: integer('contest_id').references(() => contests.id, { onDelete: 'cascade' }),
    questionIds: text('question_ids', { mode: 'json' }).$type<number[]>().notNull(),
    /** For each position, the original option indexes in display order. */
    optionOrders: text('option_orders', { mode: 'json' }).$type<number[][]>().notNull(),
    /** When the current question was shown: the timer runs from here. */
    shownAt: integer('shown_at', { mode: 'timestamp_ms' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /** Correct answers, stored when the attempt finishes so statistics survive answer retention. */
    correctCount: integer('correct_count'),
    prediction: integer('prediction'),
    awaitingPrediction: integer('awaiting_prediction', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('quiz_attempts_member_id_idx').on(t.memberId),
    index('quiz_attempts_contest_id_idx').on(t.contestId),
    // Covers a contest's ranking (best attempt per entrant, its time, the latest prediction and
    // the question count) so it never reads the wide attempt rows with their question lists.
    index('quiz_attempts_contest_rank_idx')
      .on(t.contestId, t.memberId, t.finishedAt, t.correctCount, t.startedAt, t.prediction, sql`json_array_length(${t.questionIds})`)
      .where(sql`${t.contestId} IS NOT NULL`),
    index('quiz_attempts_finished_at_idx').on(t.finishedAt),
    // One open attempt per member on a set (practice) or a contest: two quick taps on "start"
    // handled at once resume one attempt instead of opening two (and using two of a contest's tries).
    uniqueIndex('quiz_attempts_one_open_practice_idx')
      .on(t.memberId, t.setId)
      .where(sql`${t.finishedAt} IS NULL AND ${t.contestId} IS NULL`),
    uniqueIndex('quiz_attempts_one_open_contest_idx')
      .on(t.memberId, t.contestId)
      .where(sql`${t.finishedAt} IS NULL AND ${t.contestId} IS NOT NULL`),
  ],
);

/** One answer per attempt and position: the primary key makes a double tap count once. */
export const quizAnswers = sqliteTable(
  'quiz_answers',
  {
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    questionId: integer('question_id')
      .notNull()
      .references(() => quizQuestions.id),
    /** Original option indexes chosen (empty when time ran out). */
    chosen: text('chosen', { mode: 'json' }).$type<number[]>().notNull(),
    isCorrect: integer('is_correct', { mode: 'boolean' }).notNull(),
    timedOut: integer('timed_out', { mode: 'boolean' }).notNull().default(false),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] }), index('quiz_answers_question_id_idx').on(t.questionId)],
);
