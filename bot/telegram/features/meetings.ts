import { Composer, InlineKeyboard } from 'grammy';
import { attendanceStates, type MeetingKind, meetingKinds } from '../../../src/db/schema';
import { attendanceNames, meetingKindNames, meetingTexts } from '../../../src/locales/vi-meetings';
import { ServiceError } from '../../../src/services/errors';
import { formatDateTime, parseVietnamDateTime } from '../../../src/time';
import {
  callbackData,
  meetingAttendancePattern,
  meetingAttendPattern,
  meetingCheckInPattern,
  meetingExcusedPattern,
  meetingKindPattern,
  meetingMarkPattern,
  meetingMinutesPattern,
  meetingOpenPattern,
  meetingRateLevelPattern,
  meetingRatePattern,
  meetingRateCriteriaPattern,
  feedbackPattern,
  meetingDocTogglePattern,
} from '../callback-data';
import { isOfficer } from '../commands';
import type { BotContext } from '../context';
import { meet } from '../locales/vi';
import { renderNotice } from '../meeting-messages';
import { showScreen, splitMessage } from '../show-screen';
import { feedbackCommentMaxLength } from '../../../src/services/meetings/feedback-and-rating';

const channel = 'telegram';

function requireOfficer(ctx: BotContext) {
  if (!ctx.member) throw new ServiceError('not_linked');
  if (!isOfficer(ctx.member.role)) throw new ServiceError('forbidden');
  return ctx.member;
}

function requireMember(ctx: BotContext) {
  if (!ctx.member) throw new ServiceError('not_linked');
  return ctx.member;
}

interface DraftMeeting {
  kind: MeetingKind;
  startsAt: number;
  place: string;
  agenda: string;
  docIds: number[];
  recur: boolean;
}

/** The last step: preview, documents to attach, monthly recurrence, send. State stays in the prompt row. */
async function showConfirm(ctx: BotContext, d: DraftMeeting) {
  const member = requireOfficer(ctx);
  await ctx.services.setChatPrompt({ channel, externalId: String(ctx.from!.id), kind: 'meeting_confirm', data: { ...d } }, ctx.actor);
  const docs = await ctx.services.listReadableDocuments({ memberId: member.memberId, limit: 8 }, ctx.actor);
  const attached = docs.filter((doc) => d.docIds.includes(doc.id));
  const preview = meetingTexts.notice({ kind: d.kind, unitName: member.unitName, startsAt: new Date(d.startsAt), place: d.place, agenda: d.agenda }, false, attached);
  const keyboard = new InlineKeyboard();
  for (const doc of docs) keyboard.text(meet.attachToggle(d.docIds.includes(doc.id), doc.number ?? doc.title ?? ''), callbackData.meetingDocToggle(doc.id)).row();
  if (d.kind === 'dinh_ky') keyboard.text(meet.recurToggle(d.recur), callbackData.meetingRecurToggle).row();
  keyboard.text(meet.send, callbackData.meetingSend).text(meet.cancel, callbackData.meetingCancel);
  await showScreen(ctx, meet.confirm(preview), keyboard);
}

async function draftOrExpired(ctx: BotContext): Promise<DraftMeeting | null> {
  const prompt = await ctx.services.getChatPrompt({ channel, externalId: String(ctx.from!.id) }, ctx.actor);
  if (prompt?.kind === 'meeting_confirm') return prompt.data as unknown as DraftMeeting;
  await ctx.answerCallbackQuery({ text: meet.expired, show_alert: true });
  return null;
}

async function showMenu(ctx: BotContext) {
  const member = requireOfficer(ctx);
  const list = await ctx.services.listUnitMeetings({ unitId: member.unitId }, ctx.actor);
  const keyboard = new InlineKeyboard();
  for (const m of list) {
    keyboard.text(meet.meetingButton(meetingKindNames[m.kind], formatDateTime(m.startsAt), m.replied, m.invited), callbackData.meetingOpen(m.id)).row();
  }
  keyboard.text(meet.create, callbackData.meetingNew);
  await showScreen(ctx, list.length > 0 ? meet.menuHeader(member.unitName) : meet.menuEmpty(member.unitName), keyboard);
}

async function showStatus(ctx: BotContext, meetingId: number) {
  const member = requireOfficer(ctx);
  const r = await ctx.services.meetingRoster({ organiserId: member.memberId, meetingId }, ctx.actor);
  const people = r.people.filter((p) => !p.isGuide);
  const waiting = people.filter((p) => p.linked && p.reply === null && p.attendance !== 'exempt');
  const excused = people.filter((p) => p.reply === 'excused');
  const notLinked = people.filter((p) => !p.linked);
  const parts = [
    meet.status({
      kind: meetingKindNames[r.kind as MeetingKind],
      unit: r.unitName,
      when: formatDateTime(r.startsAt),
      place: r.place,
      attending: people.filter((p) => p.reply === 'attending').length,
      excused: excused.length,
      waiting: waiting.length,
      notLinked: notLinked.length,
    }),
  ];
  if (waiting.length > 0) parts.push(`${meet.listWaiting}\n${waiting.map((p) => `• ${p.fullName}`).join('\n')}`);
  if (excused.length > 0) parts.push(`${meet.listExcused}\n${excused.map((p) => `• ${p.fullName}${p.reason ? `: ${p.reason}` : ''}`).join('\n')}`);
  if (notLinked.length > 0) parts.push(`${meet.listNotLinked}\n${notLinked.map((p) => `• ${p.fullName}`).join('\n')}`);
  const keyboard = new InlineKeyboard()
    .text(meet.attendanceButton, callbackData.meetingAttendance(meetingId))
    .row()
    .text(meet.minutesButton, callbackData.meetingMinutes(meetingId))
    .row()
    .text(meet.rateButton, callbackData.meetingRate(meetingId))
    .row()
    .text(meet.back, 'mt:menu');
  await showScreen(ctx, splitMessage(parts.join('\n\n'))[0]!, keyboard);
}

async function showAttendance(ctx: BotContext, meetingId: number) {
  const member = requireOfficer(ctx);
  const r = await ctx.services.meetingRoster({ organiserId: member.memberId, meetingId }, ctx.actor);
  const keyboard = new InlineKeyboard();
  for (const p of r.people) {
    const current = p.attendance ? attendanceStates.indexOf(p.attendance) : -1;
    const next = (current + 1) % attendanceStates.length;
    const label = meet.attendanceRow(p.fullName, p.attendance ? attendanceNames[p.attendance] : meet.notMarked);
    keyboard.text(label, callbackData.meetingMark(meetingId, p.memberId, next)).row();
  }
  keyboard.text(meet.back, callbackData.meetingOpen(meetingId));
  await showScreen(ctx, meet.attendanceHeader, keyboard);
}

/** /hop for officers (create, follow replies, take attendance, minutes); notice buttons for everyone. */
export function meetingsFeature() {
  const feature = new Composer<BotContext>();

  feature.command('hop', (ctx) => showMenu(ctx));
  feature.callbackQuery('mt:menu', async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMenu(ctx);
  });

  // Creating a meeting: kind (buttons) → time → place → agenda (typed) → confirm.
  feature.callbackQuery(callbackData.meetingNew, async (ctx) => {
    requireOfficer(ctx);
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    for (const kind of meetingKinds) keyboard.text(meetingKindNames[kind], callbackData.meetingKind(kind)).row();
    await showScreen(ctx, meet.chooseKind, keyboard);
  });
  feature.callbackQuery(meetingKindPattern, async (ctx) => {
    requireOfficer(ctx);
    const kind = ctx.match[1] as MeetingKind;
    if (!meetingKinds.includes(kind)) throw new ServiceError('invalid_input');
    await ctx.services.setChatPrompt({ channel, externalId: String(ctx.from.id), kind: 'meeting_time', data: { kind } }, ctx.actor);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, meet.askTime);
  });
  feature.callbackQuery(meetingDocTogglePattern, async (ctx) => {
    requireOfficer(ctx);
    const d = await draftOrExpired(ctx);
    if (!d) return;
    const docId = Number(ctx.match[1]);
    await ctx.answerCallbackQuery();
    await showConfirm(ctx, { ...d, docIds: d.docIds.includes(docId) ? d.docIds.filter((x) => x !== docId) : [...d.docIds, docId] });
  });
  feature.callbackQuery(callbackData.meetingRecurToggle, async (ctx) => {
    requireOfficer(ctx);
    const d = await draftOrExpired(ctx);
    if (!d) return;
    await ctx.answerCallbackQuery();
    await showConfirm(ctx, { ...d, recur: !d.recur });
  });
  feature.callbackQuery(callbackData.meetingSend, async (ctx) => {
    const member = requireOfficer(ctx);
    const d = await draftOrExpired(ctx);
    if (!d) return;
    // Only the tap that removes the draft creates the meeting: a double tap creates nothing more.
    if (!(await ctx.services.clearChatPrompt({ channel, externalId: String(ctx.from.id) }, ctx.actor))) {
      await ctx.answerCallbackQuery();
      return;
    }
    const { meetingId } = await ctx.services.createMeeting(
      { organiserId: member.memberId, kind: d.kind, startsAt: new Date(d.startsAt), place: d.place, agenda: d.agenda, documentIds: d.docIds },
      ctx.actor,
    );
    if (d.recur) {
      // Day and time of the month in Vietnam time, from the first meeting.
      const local = new Date(d.startsAt + 7 * 3600_000);
      await ctx.services.createMeetingSeries(
        { organiserId: member.memberId, dayOfMonth: local.getUTCDate(), minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(), place: d.place, agenda: d.agenda },
        ctx.actor,
      );
    }
    const sent = await ctx.services.sendMeetingNotice(
      { meetingId, organiserId: member.memberId, progress: { channel, chatId: String(ctx.chat?.id ?? ctx.from.id) }, render: renderNotice },
      ctx.actor,
    );
    await ctx.answerCallbackQuery();
    await showScreen(ctx, meet.sending(sent.queued, sent.notLinked.length));
  });
  feature.callbackQuery(callbackData.meetingCancel, async (ctx) => {
    await ctx.services.clearChatPrompt({ channel, externalId: String(ctx.from.id) }, ctx.actor);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, meet.cancelled);
  });

  feature.callbackQuery(meetingOpenPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showStatus(ctx, Number(ctx.match[1]));
  });
  feature.callbackQuery(meetingAttendancePattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAttendance(ctx, Number(ctx.match[1]));
  });
  feature.callbackQuery(meetingMarkPattern, async (ctx) => {
    const member = requireOfficer(ctx);
    const meetingId = Number(ctx.match[1]);
    const state = attendanceStates[Number(ctx.match[3])];
    if (!state) throw new ServiceError('invalid_input');
    await ctx.services.markAttendance({ organiserId: member.memberId, meetingId, memberId: Number(ctx.match[2]), state }, ctx.actor);
    await ctx.answerCallbackQuery({ text: attendanceNames[state] });
    await showAttendance(ctx, meetingId);
  });
  feature.callbackQuery(meetingMinutesPattern, async (ctx) => {
    const member = requireOfficer(ctx);
    const roster = await ctx.services.meetingRoster({ organiserId: member.memberId, meetingId: Number(ctx.match[1]) }, ctx.actor);
    await ctx.answerCallbackQuery();
    for (const chunk of splitMessage(meetingTexts.minutes(roster))) await ctx.reply(chunk);
  });

  // Rating: tick the rubric's criteria (the selection travels in the callback data), then a level.
  const showRating = async (ctx: BotContext, meetingId: number, mask: number) => {
    const member = requireOfficer(ctx);
    const summary = await ctx.services.feedbackSummary({ organiserId: member.memberId, meetingId }, ctx.actor);
    const keyboard = new InlineKeyboard();
    ctx.meetingRules.ratingCriteria.forEach((label, i) => {
      keyboard.text(`${mask & (1 << i) ? '☑' : '☐'} ${label}`, callbackData.meetingRateCriteria(meetingId, mask ^ (1 << i))).row();
    });
    for (const level of ['tot', 'kha', 'trung_binh', 'kem'] as const) keyboard.text(meetingTexts.ratingNames[level], callbackData.meetingRateLevel(meetingId, level, mask));
    keyboard.row().text(meet.back, callbackData.meetingOpen(meetingId));
    await showScreen(ctx, meet.rateAsk(summary), keyboard);
  };
  feature.callbackQuery(meetingRatePattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showRating(ctx, Number(ctx.match[1]), 0);
  });
  feature.callbackQuery(meetingRateCriteriaPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showRating(ctx, Number(ctx.match[1]), Number(ctx.match[2]) & 0xff);
  });
  feature.callbackQuery(meetingRateLevelPattern, async (ctx) => {
    const member = requireOfficer(ctx);
    const level = ctx.match[2] as 'tot' | 'kha' | 'trung_binh' | 'kem';
    const mask = Number(ctx.match[3]);
    const criteria = ctx.meetingRules.ratingCriteria.map((label, i) => ({ label, met: (mask & (1 << i)) !== 0 }));
    const { attendanceRate } = await ctx.services.rateMeeting({ organiserId: member.memberId, meetingId: Number(ctx.match[1]), level, criteria }, ctx.actor);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, meet.rated(meetingTexts.ratingNames[level], attendanceRate));
  });

  // Post-meeting survey: a score, then an optional typed comment.
  feature.callbackQuery(feedbackPattern, async (ctx) => {
    const member = requireMember(ctx);
    const meetingId = Number(ctx.match[1]);
    await ctx.services.submitFeedback({ memberId: member.memberId, meetingId, score: Number(ctx.match[2]) }, ctx.actor);
    await ctx.services.setChatPrompt({ channel, externalId: String(ctx.from.id), kind: 'feedback_comment', data: { meetingId } }, ctx.actor);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, meet.feedbackThanks(Number(ctx.match[2])));
  });

  // Buttons under a notice, for every invitee.
  feature.callbackQuery(meetingAttendPattern, async (ctx) => {
    const member = requireMember(ctx);
    await ctx.services.replyToMeeting({ memberId: member.memberId, meetingId: Number(ctx.match[1]), reply: 'attending' }, ctx.actor);
    await ctx.answerCallbackQuery({ text: meet.attendingSaved, show_alert: true });
  });
  feature.callbackQuery(meetingExcusedPattern, async (ctx) => {
    requireMember(ctx);
    await ctx.services.setChatPrompt({ channel, externalId: String(ctx.from.id), kind: 'meeting_reason', data: { meetingId: Number(ctx.match[1]) } }, ctx.actor);
    await ctx.answerCallbackQuery();
    await ctx.reply(meet.askReason);
  });
  feature.callbackQuery(meetingCheckInPattern, async (ctx) => {
    const member = requireMember(ctx);
    const { state } = await ctx.services.checkIn({ memberId: member.memberId, meetingId: Number(ctx.match[1]) }, ctx.actor);
    await ctx.answerCallbackQuery({ text: meet.checkedIn(state === 'late'), show_alert: true });
  });

  // Typed answers to the questions above, read from the stored prompt.
  feature.on('message:text', async (ctx, next) => {
    if (!ctx.member || ctx.message.text.startsWith('/')) return next();
    const externalId = String(ctx.from.id);
    const prompt = await ctx.services.getChatPrompt({ channel, externalId }, ctx.actor);
    if (!prompt) return next();
    const text = ctx.message.text.normalize('NFC').trim();
    const data = prompt.data;
    const ask = async (kind: string, next: Record<string, unknown>, question: string) => {
      await ctx.services.setChatPrompt({ channel, externalId, kind, data: next }, ctx.actor);
      await ctx.reply(question);
    };
    switch (prompt.kind) {
      case 'meeting_reason': {
        await ctx.services.clearChatPrompt({ channel, externalId }, ctx.actor);
        await ctx.services.replyToMeeting({ memberId: ctx.member.memberId, meetingId: Number(data.meetingId), reply: 'excused', reason: text }, ctx.actor);
        await ctx.reply(meet.excusedSaved);
        return;
      }
      case 'feedback_comment': {
        // Too long: say so and keep the prompt, so the shortened comment is still taken.
        if (text.length > feedbackCommentMaxLength) return void (await ctx.reply(meet.commentTooLong(feedbackCommentMaxLength)));
        await ctx.services.clearChatPrompt({ channel, externalId }, ctx.actor);
        await ctx.services.addFeedbackComment({ memberId: ctx.member.memberId, meetingId: Number(data.meetingId), comment: text }, ctx.actor);
        await ctx.reply(meet.commentSaved);
        return;
      }
      case 'meeting_time': {
        const startsAt = parseVietnamDateTime(text, ctx.services.now());
        if (!startsAt || startsAt.getTime() <= ctx.services.now().getTime()) return void (await ctx.reply(meet.badTime));
        return ask('meeting_place', { ...data, startsAt: startsAt.getTime() }, meet.askPlace);
      }
      case 'meeting_place':
        if (text.length > 300) return void (await ctx.reply(meet.tooLong));
        return ask('meeting_agenda', { ...data, place: text }, meet.askAgenda);
      case 'meeting_agenda': {
        if (text.length > 3000) return void (await ctx.reply(meet.tooLong));
        return showConfirm(ctx, { ...(data as unknown as Omit<DraftMeeting, 'agenda' | 'docIds' | 'recur'>), agenda: text, docIds: [], recur: false });
      }
      default:
        return next();
    }
  });

  return feature;
}
