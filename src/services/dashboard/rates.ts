import type { Counts } from './unit-figures';

/** Figures people read, from summed counts; null where there is nothing to divide by. */
export interface Rates {
  members: number;
  linked: number;
  linkedRate: number | null;
  meetingsHeldThisMonth: number;
  meetingsDueThisMonth: number;
  meetingsThisMonthRate: number | null;
  meetingsHeldHalfYear: number;
  meetingsDueHalfYear: number;
  meetingsHalfYearRate: number | null;
  attendanceRate: number | null;
  studyRate: number | null;
  quizParticipationRate: number | null;
  quizAverage: number | null;
  quizPassRate: number | null;
  feedbackAverage: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function ratesOf(c: Counts): Rates {
  return {
    members: c.members,
    linked: c.linked,
    linkedRate: ratio(c.linked, c.members),
    meetingsHeldThisMonth: c.meetingsHeldThisMonth,
    meetingsDueThisMonth: c.meetingsDueThisMonth,
    meetingsThisMonthRate: ratio(c.meetingsHeldThisMonth, c.meetingsDueThisMonth),
    meetingsHeldHalfYear: c.meetingsHeldHalfYear,
    meetingsDueHalfYear: c.meetingsDueHalfYear,
    meetingsHalfYearRate: ratio(c.meetingsHeldHalfYear, c.meetingsDueHalfYear),
    attendanceRate: ratio(c.attendancePresent, c.attendanceExpected),
    studyRate: ratio(c.studyConfirmed, c.studyDue),
    quizParticipationRate: ratio(c.quizParticipants, c.members),
    quizAverage: ratio(c.quizCorrect, c.quizQuestions),
    quizPassRate: ratio(c.quizPassedMembers, c.members),
    feedbackAverage: ratio(c.feedbackSum, c.feedbackCount),
  };
}

/** Thresholds under which a unit is listed as needing attention. */
export const attentionThresholds = { attendanceRate: 0.8, studyRate: 0.5, linkedRate: 0.5 } as const;
export type AttentionReason = 'meetings_missed' | 'low_attendance' | 'low_study' | 'few_linked';

export function attentionReasons(r: Rates): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (r.meetingsHalfYearRate !== null && r.meetingsHalfYearRate < 1) reasons.push('meetings_missed');
  if (r.attendanceRate !== null && r.attendanceRate < attentionThresholds.attendanceRate) reasons.push('low_attendance');
  if (r.studyRate !== null && r.studyRate < attentionThresholds.studyRate) reasons.push('low_study');
  if (r.linkedRate !== null && r.linkedRate < attentionThresholds.linkedRate) reasons.push('few_linked');
  return reasons;
}
