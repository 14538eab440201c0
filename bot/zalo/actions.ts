import {
  answerPattern,
  contestStartPattern,
  docConfirmPattern,
  docFullPattern,
  docListPattern,
  docOpenPattern,
  feedbackPattern,
  meetingAttendPattern,
  meetingCheckInPattern,
  meetingExcusedPattern,
  nextQuestionPattern,
  quizStartPattern,
  resultPattern,
} from '../telegram/callback-data';
import { confirmDocument, listDocuments, openDocument, readSection } from './features/documents';
import { consent, consentPattern, decline, declineAction } from './features/linking';
import { askAbsenceReason, attend, checkIn, giveFeedback } from './features/meetings';
import { menuActions, showMe, showMenu } from './features/menu';
import { answerQuiz, listQuizzes, sendQuestion, sendResult, startQuiz } from './features/quizzes';
import { zalo } from './locales/vi';
import type { Turn } from './turn';

type Handler = (turn: Turn, m: RegExpExecArray) => Promise<unknown>;
const n = (m: RegExpExecArray, i: number) => Number(m[i]);

/**
 * What a chosen number does. Actions are Telegram's callback data (so a notice rendered once
 * with buttons means the same on both channels) or Zalo-only `z:` actions.
 */
const routes: [RegExp, Handler][] = [
  [consentPattern, (t, m) => consent(t, m[1]!)],
  [new RegExp(`^${declineAction}$`), (t) => decline(t)],
  [new RegExp(`^${menuActions.menu}$`), (t) => showMenu(t)],
  [new RegExp(`^${menuActions.documents}$`), (t) => listDocuments(t, 0)],
  [new RegExp(`^${menuActions.quizzes}$`), (t) => listQuizzes(t)],
  [new RegExp(`^${menuActions.me}$`), (t) => showMe(t)],
  [docListPattern, (t, m) => listDocuments(t, n(m, 1))],
  [docOpenPattern, (t, m) => openDocument(t, n(m, 1))],
  [docFullPattern, (t, m) => readSection(t, n(m, 1), n(m, 2))],
  [docConfirmPattern, (t, m) => confirmDocument(t, n(m, 1))],
  [quizStartPattern, (t, m) => startQuiz(t, { setId: n(m, 1) })],
  [contestStartPattern, (t, m) => startQuiz(t, { contestId: n(m, 1) })],
  [answerPattern, (t, m) => answerQuiz(t, n(m, 1), n(m, 2), [n(m, 3)])],
  [nextQuestionPattern, (t, m) => sendQuestion(t, n(m, 1))],
  [resultPattern, (t, m) => sendResult(t, n(m, 1))],
  [meetingAttendPattern, (t, m) => attend(t, n(m, 1))],
  [meetingExcusedPattern, (t, m) => askAbsenceReason(t, n(m, 1))],
  [meetingCheckInPattern, (t, m) => checkIn(t, n(m, 1))],
  [feedbackPattern, (t, m) => giveFeedback(t, n(m, 1), n(m, 2))],
];

/** Runs the action behind a chosen number; officer screens that need buttons stay on Telegram and the web. */
export async function runAction(turn: Turn, action: string): Promise<void> {
  for (const [pattern, handler] of routes) {
    const m = pattern.exec(action);
    if (m) {
      await handler(turn, m);
      return;
    }
  }
  await turn.reply(zalo.notOnZalo);
}

/** Actions a stranger may take (everything else needs a linked account). */
export const strangerActions = [consentPattern, new RegExp(`^${declineAction}$`)];
