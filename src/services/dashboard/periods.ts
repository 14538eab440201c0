import { vietnamMonth, vietnamMonthStart } from '../meetings/meeting-rules';

/** A month counted from year 0 (year × 12 + month − 1), in Vietnam time. */
export type MonthIndex = number;

export const monthIndexOf = (year: number, month: number): MonthIndex => year * 12 + month - 1;
export const monthStartOf = (index: MonthIndex): number => vietnamMonthStart(Math.floor(index / 12), (index % 12) + 1);
export const monthLabel = (index: MonthIndex): string => `${String((index % 12) + 1).padStart(2, '0')}/${Math.floor(index / 12)}`;

/** The periods every dashboard figure is counted over, from one clock reading. */
export interface DashboardPeriods {
  now: number;
  thisMonth: MonthIndex;
  /** First month of the current half-year (January or July). */
  halfYearStart: MonthIndex;
  /** The last 12 months, this one included. */
  twelveMonthsStart: MonthIndex;
  /** UTC instant the 12-month window opens. */
  twelveMonthsFrom: number;
}

export function dashboardPeriods(now: Date): DashboardPeriods {
  const { year, month } = vietnamMonth(now);
  const thisMonth = monthIndexOf(year, month);
  const twelveMonthsStart = thisMonth - 11;
  return {
    now: now.getTime(),
    thisMonth,
    halfYearStart: monthIndexOf(year, month <= 6 ? 1 : 7),
    twelveMonthsStart,
    twelveMonthsFrom: monthStartOf(twelveMonthsStart),
  };
}

/** SQL text for the Vietnam-time month index of a UTC millisecond column. */
export const monthIndexSql = (column: string) =>
  `(CAST(strftime('%Y', ${column} / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', ${column} / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1)`;
