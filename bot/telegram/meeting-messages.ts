import type { MeetingKind, OutboxKeyboard } from '../../src/db/schema';
import { meetingTexts } from '../../src/locales/vi-meetings';
import type { MeetingRow } from '../../src/services/meetings/meeting-access';
import type { MeetingMessages } from '../../src/services/meetings/scheduled-messages';
import type { NoticeRenderer } from '../../src/services/meetings/send-meeting-notice';
import { callbackData } from './callback-data';

const view = (m: MeetingRow) => ({ kind: m.kind as MeetingKind, unitName: m.unit_name, startsAt: new Date(m.starts_at), place: m.place, agenda: m.agenda });
const replyButtons = (id: number): OutboxKeyboard[number] => [
  { text: meetingTexts.attend, data: callbackData.meetingAttend(id) },
  { text: meetingTexts.excused, data: callbackData.meetingExcused(id) },
];

/** The notice each invitee receives, with the reply and check-in buttons. */
export const renderNotice: NoticeRenderer = (m, invitee, documents) => ({
  text: meetingTexts.notice(view(m), invitee.isGuide, documents),
  keyboard: [
    replyButtons(m.id),
    ...documents.map((d) => [{ text: meetingTexts.openDocument(d.number), data: callbackData.docOpen(d.id) }]),
    [{ text: meetingTexts.checkIn, data: callbackData.meetingCheckIn(m.id) }],
  ],
});

/** Scheduled meeting messages for Telegram, with their buttons. */
export const telegramMeetingMessages: MeetingMessages = {
  notice: renderNotice,
  reminder: (m, hours) => ({
    text: meetingTexts.reminder(view(m), hours),
    keyboard: hours <= 1 ? [[{ text: meetingTexts.checkIn, data: callbackData.meetingCheckIn(m.id) }]] : null,
  }),
  nudge: (m, last) => ({ text: meetingTexts.nudge(view(m), last), keyboard: [replyButtons(m.id)] }),
  noReplies: (m, names) => ({ text: meetingTexts.noReplies(view(m), names), keyboard: [[{ text: '📋', data: callbackData.meetingOpen(m.id) }]] }),
  feedbackRequest: (m) => ({
    text: meetingTexts.feedbackRequest(view(m)),
    keyboard: [[1, 2, 3, 4, 5].map((score) => ({ text: String(score), data: callbackData.feedback(m.id, score) }))],
  }),
  complianceNudge: (unitName, rule, period) => ({ text: meetingTexts.complianceNudge(unitName, rule, period), keyboard: null }),
};
