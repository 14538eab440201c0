import type { Rates } from '../../../services/dashboard/rates';
import type { Column } from '../table-model';
import { headers } from '../views/labels';

/** The standard figure columns of a row that carries `rates`. */
export function rateColumns<R extends { rates: Rates }>(): Column<R>[] {
  return [
    { header: headers.members, format: 'number', value: (r) => r.rates.members },
    { header: headers.linked, format: 'percent', value: (r) => r.rates.linkedRate },
    { header: headers.meetingsThisMonth, format: 'percent', value: (r) => r.rates.meetingsThisMonthRate },
    { header: headers.meetingsHalfYear, format: 'percent', value: (r) => r.rates.meetingsHalfYearRate },
    { header: headers.attendance, format: 'percent', value: (r) => r.rates.attendanceRate },
    { header: headers.study, format: 'percent', value: (r) => r.rates.studyRate },
    { header: headers.quizParticipation, format: 'percent', value: (r) => r.rates.quizParticipationRate },
    { header: headers.quizAverage, format: 'percent', value: (r) => r.rates.quizAverage },
    { header: headers.feedback, format: 'score', value: (r) => r.rates.feedbackAverage },
  ];
}
