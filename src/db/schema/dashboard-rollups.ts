import { integer, primaryKey, sqliteTable } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { contests, quizQuestions, quizSets } from './quizzes';
import { members } from './members';
import { units } from './units';

// Rollups the dashboard sums instead of scanning study and quiz rows. SQLite triggers
// (migrations 0014 and 0018) keep every column; never write them by hand.

/** Confirmed study of a document by the members now in a unit. */
export const unitDocumentStudy = sqliteTable(
  'unit_document_study',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    confirmed: integer('confirmed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.documentId] })],
);

/**
 * Each member's latest month (Vietnam time, year × 12 + month − 1) with a finished quiz
 * attempt, and with a passing one; null when none.
 */
export const memberQuizLatest = sqliteTable('member_quiz_latest', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  finishedMonth: integer('finished_month'),
  passedMonth: integer('passed_month'),
});

/**
 * Finished quiz attempts of a unit's members per month of finishing: scores summed, and
 * the members whose latest finished (passing) attempt fell in the month, so members who
 * took part since a month are a sum over the months from it.
 */
export const unitQuizMonths = sqliteTable(
  'unit_quiz_months',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    correct: integer('correct').notNull().default(0),
    questions: integer('questions').notNull().default(0),
    participants: integer('participants').notNull().default(0),
    passed: integer('passed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

/** Members of a unit, and how many of them have linked a chat account. */
export const unitMembers = sqliteTable('unit_members', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id, { onDelete: 'cascade' }),
  members: integer('members').notNull().default(0),
  linked: integer('linked').notNull().default(0),
});


/** Each member's finished attempts on a quiz set, and how many of them passed. */
export const memberQuizSets = sqliteTable(
  'member_quiz_sets',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    setId: integer('set_id')
      .notNull()
      .references(() => quizSets.id, { onDelete: 'cascade' }),
    finished: integer('finished').notNull().default(0),
    passing: integer('passing').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.setId] })],
);

/** Finished attempts of a unit's members on a quiz set: scores summed, members who took part and who passed. */
export const unitQuizSets = sqliteTable(
  'unit_quiz_sets',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    setId: integer('set_id')
      .notNull()
      .references(() => quizSets.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    questions: integer('questions').notNull().default(0),
    participants: integer('participants').notNull().default(0),
    passed: integer('passed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.setId] })],
);

/** Each member's finished attempts in a contest. */
export const memberContests = sqliteTable(
  'member_contests',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    finished: integer('finished').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.contestId] })],
);

/** Members of a unit with a finished attempt in a contest. */
export const unitContestEntrants = sqliteTable(
  'unit_contest_entrants',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    entrants: integer('entrants').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.contestId] })],
);

/**
 * Answers of finished attempts by the members now in a unit, per question (migration 0018):
 * how many, how many right, how often each option was chosen (options are at most 8), and the
 * sums the item–rest correlation needs, with T the attempt's score (correct_count).
 */
export const unitQuestionStats = sqliteTable(
  'unit_question_stats',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => quizQuestions.id, { onDelete: 'cascade' }),
    answers: integer('answers').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    /** Σ T over the answers. */
    scoreSum: integer('score_sum').notNull().default(0),
    /** Σ T² over the answers. */
    scoreSquares: integer('score_squares').notNull().default(0),
    /** Σ T over the right answers. */
    correctScoreSum: integer('correct_score_sum').notNull().default(0),
    chose0: integer('chose_0').notNull().default(0),
    chose1: integer('chose_1').notNull().default(0),
    chose2: integer('chose_2').notNull().default(0),
    chose3: integer('chose_3').notNull().default(0),
    chose4: integer('chose_4').notNull().default(0),
    chose5: integer('chose_5').notNull().default(0),
    chose6: integer('chose_6').notNull().default(0),
    chose7: integer('chose_7').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.questionId] })],
);
