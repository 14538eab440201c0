import type { Child } from 'hono/jsx';
import { meetingKindNames } from '../../locales/vi-meetings';
import { checkInWindow } from '../../services/meetings/attendance';
import type { MemberMeetingView } from '../../services/member-links/get-member-meeting';
import { formatDateTime } from '../../time';
import { pageText } from './labels';
import { MemberPage, PageForm } from './layout';

interface MeetingPageProps {
  base: string;
  formToken: string;
  name: string;
  meeting: MemberMeetingView;
  /** Confirmation shown after a successful post (post/redirect/get). */
  done?: string;
}

function MeetingFrame(props: MeetingPageProps & { title: string; children: Child }) {
  const m = props.meeting;
  return (
    <MemberPage title={props.title}>
      <p>{pageText.hello(props.name)}</p>
      {props.done && <p class="ok">{props.done}</p>}
      <h2>{`${meetingKindNames[m.kind]} — ${m.unitName}`}</h2>
      <dl>
        <dt>{pageText.meetingTime}</dt>
        <dd>{formatDateTime(m.startsAt)}</dd>
        <dt>{pageText.meetingPlace}</dt>
        <dd>{m.place}</dd>
        <dt>{pageText.meetingAgenda}</dt>
        <dd>{m.agenda}</dd>
      </dl>
      {m.cancelled ? <p class="notice">{pageText.meetingCancelled}</p> : props.children}
    </MemberPage>
  );
}

export function ReplyPage(props: MeetingPageProps) {
  const m = props.meeting;
  return (
    <MeetingFrame {...props} title={pageText.replyTitle}>
      <p>
        <strong>{pageText.replyNow(m.reply)}</strong>
        {m.reply === 'excused' && m.reason ? ` (${m.reason})` : ''}
      </p>
      <p class="muted">{pageText.replyCanChange}</p>
      <PageForm action={`${props.base}/reply`} formToken={props.formToken}>
        <input type="hidden" name="reply" value="attending" />
        <button type="submit" class="primary">
          {pageText.attend}
        </button>
      </PageForm>
      <PageForm action={`${props.base}/reply`} formToken={props.formToken}>
        <input type="hidden" name="reply" value="excused" />
        <label class="field" for="reason">
          {pageText.absentReason}
        </label>
        <textarea id="reason" name="reason" maxlength={500} required>
          {m.reply === 'excused' ? (m.reason ?? '') : ''}
        </textarea>
        <button type="submit">{pageText.absent}</button>
      </PageForm>
    </MeetingFrame>
  );
}

export function CheckInPage(props: MeetingPageProps) {
  const present = props.meeting.attendance === 'present' || props.meeting.attendance === 'late';
  const start = props.meeting.startsAt.getTime();
  const hours = pageText.checkInWindow(formatDateTime(new Date(start - checkInWindow.beforeMs)), formatDateTime(new Date(start + checkInWindow.afterMs)));
  return (
    <MeetingFrame {...props} title={pageText.checkInTitle}>
      <p>
        <strong>{pageText.attendanceNow(props.meeting.attendance)}</strong>
      </p>
      {!present && (
        <PageForm action={`${props.base}/check-in`} formToken={props.formToken}>
          <p>{pageText.checkInExplain}</p>
          <p class="muted">{hours}</p>
          <button type="submit" class="primary">
            {pageText.checkInButton}
          </button>
        </PageForm>
      )}
    </MeetingFrame>
  );
}

export function FeedbackPage(props: MeetingPageProps & { started: boolean }) {
  const m = props.meeting;
  const attended = m.attendance === 'present' || m.attendance === 'late';
  return (
    <MeetingFrame {...props} title={pageText.feedbackTitle}>
      {!props.started ? (
        <p class="notice">{pageText.feedbackNotYet}</p>
      ) : !attended ? (
        <p class="notice">{pageText.feedbackOnlyAttendees}</p>
      ) : (
        <>
          <p class="muted">{m.anonymousFeedback ? pageText.feedbackAnonymous : pageText.feedbackNamed}</p>
          {m.feedback && <p>{pageText.feedbackGiven(m.feedback.score)}</p>}
          {m.feedback?.comment && (
            <p>
              {pageText.feedbackYourComment} {m.feedback.comment}
            </p>
          )}
          <PageForm action={`${props.base}/feedback`} formToken={props.formToken}>
            <fieldset class="options">
              <legend>{pageText.feedbackScore}</legend>
              {pageText.scoreNames.map((label, i) => (
                <label class="choice">
                  <input type="radio" name="score" value={String(i + 1)} required checked={m.feedback?.score === i + 1} />
                  <span>{label}</span>
                </label>
              ))}
            </fieldset>
            <label class="field" for="comment">
              {pageText.feedbackComment}
            </label>
            <textarea id="comment" name="comment" maxlength={1000} />
            <button type="submit" class="primary">
              {pageText.feedbackSend}
            </button>
          </PageForm>
          {m.feedback && (
            <PageForm action={`${props.base}/comment`} formToken={props.formToken}>
              <label class="field" for="more">
                {pageText.addComment}
              </label>
              <textarea id="more" name="comment" maxlength={1000} required />
              <button type="submit">{pageText.addCommentSend}</button>
            </PageForm>
          )}
        </>
      )}
    </MeetingFrame>
  );
}
