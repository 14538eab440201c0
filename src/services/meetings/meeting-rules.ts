import { defaultRatingCriteria } from '../../locales/vi-meetings';

/**
 * How often units must meet and how meetings are rated. The defaults follow the
 * documents (DOMAIN.md); provinces set their own, so callers may pass other rules.
 */
export interface MeetingRules {
  /** Branches hold a regular meeting every N months (1: monthly). */
  regularEveryMonths: number;
  /** Branches hold a thematic meeting at least every N months (6; some documents ask 3). */
  thematicEveryMonths: number;
  /** A grassroots committee's own committee (cấp ủy cơ sở) meets every N months (1). */
  committeeEveryMonths: number;
  /** A grassroots party committee (đảng bộ cơ sở) holds its general meeting every N months (6: twice a year). */
  partyCommitteeEveryMonths: number;
  /** From this day of the month a missing regular meeting is flagged. */
  warnFromDay: number;
  /** Reminder offsets before the start. */
  reminderHours: number[];
  /** Nudges to members who have not replied, hours before the start; the last one also tells the secretary. */
  nudgeHours: number[];
  /** Feedback is asked this many hours after the start. */
  feedbackAfterHours: number;
  /** Rating levels in order. */
  ratingLevels: readonly ['tot', 'kha', 'trung_binh', 'kem'];
  /** The organisation's rubric: the criteria (as shown to secretaries) weighed before choosing a level. */
  ratingCriteria: readonly string[];
}

export const defaultMeetingRules: MeetingRules = {
  regularEveryMonths: 1,
  thematicEveryMonths: 6,
  committeeEveryMonths: 1,
  partyCommitteeEveryMonths: 6,
  warnFromDay: 20,
  reminderHours: [24, 1],
  nudgeHours: [48, 6],
  feedbackAfterHours: 2,
  ratingLevels: ['tot', 'kha', 'trung_binh', 'kem'],
  ratingCriteria: defaultRatingCriteria,
};

/** Year and month (1–12) of a moment in Vietnam time. */
export function vietnamMonth(date: Date): { year: number; month: number; day: number } {
  const local = new Date(date.getTime() + 7 * 3600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** UTC instant of the first moment of a Vietnam-time month. */
export function vietnamMonthStart(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) - 7 * 3600_000;
}
