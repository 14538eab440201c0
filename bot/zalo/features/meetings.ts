import { meet, zalo } from '../locales/vi';
import { noticeChoicesTtlMs, promptKinds, type Turn } from '../turn';
import { requireMember } from './require-member';
import { feedbackCommentMaxLength } from '../../../src/services/meetings/feedback-and-rating';

/** How long a typed text counts as the reason for an absence after the member chose "absent". */
export const reasonWaitMs = 30 * 60_000;

/** Numbered replies to a meeting notice; the same services as Telegram's buttons. */
export async function attend(turn: Turn, meetingId: number) {
  const member = requireMember(turn);
  await turn.services.replyToMeeting({ memberId: member.memberId, meetingId, reply: 'attending' }, turn.actor);
  await turn.reply(await turn.withPageLink(meet.attendingSaved, { kind: 'meeting', meetingId }));
}

export async function askAbsenceReason(turn: Turn, meetingId: number) {
  requireMember(turn);
  // The notice's choices travel with the question (they stay answerable for the notice's week);
  // the question itself is open for reasonWaitMs only: a text sent later is not a reason.
  await turn.setPrompt(promptKinds.meetingReason, { meetingId, notice: turn.answered, askedAt: turn.services.now().getTime() }, noticeChoicesTtlMs);
  await turn.reply(meet.askReason);
}

export async function saveAbsenceReason(turn: Turn, data: Record<string, unknown>, reason: string) {
  const member = requireMember(turn);
  const meetingId = Number(data.meetingId);
  if (!/\p{L}/u.test(reason)) return turn.reply(zalo.reasonEmpty);
  const notice = Array.isArray(data.notice) ? (data.notice as string[]) : null;
  if (notice) await turn.setPrompt(promptKinds.choices, { actions: notice }, noticeChoicesTtlMs);
  else await turn.clearPrompt();
  await turn.services.replyToMeeting({ memberId: member.memberId, meetingId, reply: 'excused', reason }, turn.actor);
  await turn.reply(await turn.withPageLink(meet.excusedSaved, { kind: 'meeting', meetingId }));
}

export async function checkIn(turn: Turn, meetingId: number) {
  const member = requireMember(turn);
  const { state } = await turn.services.checkIn({ memberId: member.memberId, meetingId }, turn.actor);
  await turn.reply(meet.checkedIn(state === 'late'));
}

/** A score by number after the meeting, then an optional typed comment. */
export async function giveFeedback(turn: Turn, meetingId: number, score: number) {
  const member = requireMember(turn);
  await turn.services.submitFeedback({ memberId: member.memberId, meetingId, score }, turn.actor);
  await turn.setPrompt(promptKinds.feedbackComment, { meetingId });
  await turn.reply(meet.feedbackThanks(score));
}

export async function saveFeedbackComment(turn: Turn, meetingId: number, comment: string) {
  const member = requireMember(turn);
  // Too long: say so and keep the prompt, so the shortened comment is still taken.
  if (comment.length > feedbackCommentMaxLength) return void (await turn.reply(meet.commentTooLong(feedbackCommentMaxLength)));
  await turn.clearPrompt();
  await turn.services.addFeedbackComment({ memberId: member.memberId, meetingId, comment }, turn.actor);
  await turn.reply(meet.commentSaved);
}
