import type { AnswerFeedback } from '../../services/quizzes/answer-question';
import type { AttemptResult } from '../../services/quizzes/attempt-result';
import type { QuestionView } from '../../services/quizzes/show-question';
import { formatDateTime } from '../../time';
import { pageText } from './labels';
import { MemberPage, PageForm } from './layout';

/** "14:17:45" in Vietnam time: a timer needs the seconds. */
const clockTime = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(11, 19);

export interface QuizIntro {
  title: string;
  questions?: number;
  timeLimitSeconds?: number | null;
  closesAt?: Date;
  attempts?: { used: number; allowed: number };
  unfinished: boolean;
}

export function QuizIntroPage(props: { base: string; formToken: string; name: string; quiz: QuizIntro | null }) {
  const q = props.quiz;
  return (
    <MemberPage title={q?.title ?? pageText.quizIntroTitle}>
      <p>{pageText.hello(props.name)}</p>
      {!q ? (
        <p class="notice">{pageText.quizClosed}</p>
      ) : (
        <>
          {q.questions !== undefined && <p>{pageText.quizQuestions(q.questions)}</p>}
          {q.timeLimitSeconds !== undefined && <p>{q.timeLimitSeconds ? pageText.quizTimer(q.timeLimitSeconds) : pageText.quizNoTimer}</p>}
          {q.closesAt && <p>{pageText.contestCloses(formatDateTime(q.closesAt))}</p>}
          {q.attempts && <p>{pageText.contestAttempts(q.attempts.used, q.attempts.allowed)}</p>}
          <PageForm action={`${props.base}/start`} formToken={props.formToken}>
            <button type="submit" class="primary">
              {q.unfinished ? pageText.quizResume : pageText.quizStart}
            </button>
          </PageForm>
        </>
      )}
    </MemberPage>
  );
}

export function QuestionPage(props: { action: string; formToken: string; question: QuestionView }) {
  const q = props.question;
  return (
    <MemberPage title={pageText.questionOf(q.position + 1, q.total)}>
      <p class="muted">{q.setTitle}</p>
      {q.deadline && q.timeLimitSeconds && <p class="notice">{pageText.deadline(q.timeLimitSeconds, clockTime(q.deadline))}</p>}
      <p class="question">{q.text}</p>
      <PageForm action={props.action} formToken={props.formToken}>
        <input type="hidden" name="position" value={String(q.position)} />
        {q.multiple ? (
          <div class="options">
            <p class="muted">{pageText.chooseAll}</p>
            {q.options.map((option, i) => (
              <label class="choice">
                <input type="checkbox" name="option" value={String(i)} />
                <span>{`${String.fromCharCode(65 + i)}. ${option}`}</span>
              </label>
            ))}
            <button type="submit" class="primary">
              {pageText.submitAnswer}
            </button>
          </div>
        ) : (
          <div class="options">
            {q.options.map((option, i) => (
              <button type="submit" name="option" value={String(i)}>
                {`${String.fromCharCode(65 + i)}. ${option}`}
              </button>
            ))}
          </div>
        )}
      </PageForm>
    </MemberPage>
  );
}

const lettered = (options: string[], positions: number[]) => positions.map((i) => `${String.fromCharCode(65 + i)}. ${options[i] ?? ''}`).join('; ');

export function AnswerPage(props: { next: string; answer: AnswerFeedback }) {
  const a = props.answer;
  return (
    <MemberPage title={pageText.questionOf(a.position + 1, a.total)}>
      {a.duplicate && <p class="notice">{pageText.duplicate}</p>}
      <p class={a.isCorrect ? 'ok' : 'bad'}>{a.timedOut ? pageText.timedOut : a.isCorrect ? pageText.correct : pageText.wrong}</p>
      <p class="question">{a.questionText}</p>
      {a.chosenDisplayed.length > 0 && (
        <p>
          {pageText.yourAnswer} {lettered(a.options, a.chosenDisplayed)}
        </p>
      )}
      <p>
        {pageText.correctAnswer} <strong>{lettered(a.options, a.correctDisplayed)}</strong>
      </p>
      {a.explanation && (
        <p>
          {pageText.explanation} {a.explanation}
        </p>
      )}
      {(a.sectionPath || a.documentNumber) && <p class="ref">{pageText.source(a.sectionPath, a.documentNumber)}</p>}
      <a class="button primary" href={props.next}>
        {a.finished ? pageText.seeResult : pageText.nextQuestion}
      </a>
    </MemberPage>
  );
}

export function ResultPage(props: { result: AttemptResult; back: string }) {
  const r = props.result;
  return (
    <MemberPage title={pageText.resultTitle}>
      <p class="muted">{r.setTitle}</p>
      <p class={r.passed ? 'ok' : 'notice'}>{pageText.score(r.correct, r.total, r.percent)}</p>
      <p>{r.passed ? pageText.passed : pageText.notPassed}</p>
      <p>{pageText.duration(Math.floor(r.durationSeconds / 60), r.durationSeconds % 60)}</p>
      {r.sectionsToReread.length > 0 && (
        <>
          <h2>{pageText.reread}</h2>
          <ul class="summary">
            {r.sectionsToReread.map((s) => (
              <li>{r.documentNumber ? `${s} — ${pageText.documentNumber(r.documentNumber)}` : s}</li>
            ))}
          </ul>
        </>
      )}
      {r.awaitingPrediction && <p class="muted">{pageText.predictionHint}</p>}
      <a class="button" href={props.back}>
        {pageText.backToQuiz}
      </a>
    </MemberPage>
  );
}
