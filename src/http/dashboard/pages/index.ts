import { contestPage } from './contest';
import { documentPage } from './document';
import { documentsPage } from './documents';
import { meetingPage } from './meeting';
import { meetingsPage } from './meetings';
import { membersPage } from './members';
import { overviewPage } from './overview';
import type { DashboardPage } from './page';
import { quizSetPage } from './quiz-set';
import { quizzesPage } from './quizzes';
import { targetsPage } from './targets';
import { unitsPage } from './units';

/** Every page by its path under /dashboard ("" is the overview). */
export const dashboardPages: Record<string, DashboardPage<unknown>> = {
  '': overviewPage,
  units: unitsPage,
  meetings: meetingsPage,
  meeting: meetingPage,
  documents: documentsPage,
  document: documentPage,
  quizzes: quizzesPage,
  'quiz-set': quizSetPage,
  contest: contestPage,
  members: membersPage,
  targets: targetsPage,
};
