// The updates bench/webhook.ts sends: quiz answers and meeting replies, alternating, each
// with a unique update id. A quiz answer is only sent for an attempt with no answer in
// flight (answers must come in order); what each update was and whether the server
// took it (HTTP 200) is kept for the database check afterwards.
import { callbackUpdate } from '../test/helpers/updates';
import type { Seeded, SeededAttempt, SeededInvitation } from './webhook-seed';

export type UpdateKind = 'quiz' | 'meeting';

export interface PlannedUpdate {
  kind: UpdateKind;
  body: string;
  /** Call when the server answered; `ok` is HTTP 200. */
  done(ok: boolean): void;
}

let nextUpdateId = 5_000_000;

export function createWorkload(seeded: Seeded) {
  const ready: { attempt: SeededAttempt; position: number }[] = seeded.attempts.map((attempt) => ({ attempt, position: 0 }));
  let readyHead = 0;
  let invitationIndex = 0;
  let turn = 0;
  const sent = { quiz: 0, meeting: 0 };
  const answers: { attemptId: number; position: number; ok: boolean }[] = [];
  const replies: (SeededInvitation & { ok: boolean })[] = [];

  const quizAnswer = (): PlannedUpdate => {
    const slot = ready[readyHead++];
    if (!slot) throw new Error('webhook bench: no quiz attempt is ready (seed more members or questions)');
    const { attempt, position } = slot;
    const updateId = nextUpdateId++;
    // Any displayed option is a valid answer; vary it so correct and wrong answers both occur.
    const body = JSON.stringify(callbackUpdate(attempt.telegramId, `qz:a:${attempt.attemptId}:${position}:${updateId % 4}`, updateId));
    sent.quiz++;
    return {
      kind: 'quiz',
      body,
      done(ok) {
        answers.push({ attemptId: attempt.attemptId, position, ok });
        // The next question of this attempt becomes answerable once this answer is in.
        if (ok && position + 1 < attempt.questions) ready.push({ attempt, position: position + 1 });
      },
    };
  };

  const meetingReply = (): PlannedUpdate => {
    const invitation = seeded.invitations[invitationIndex++];
    if (!invitation) throw new Error('webhook bench: every invitation has been replied to (seed more meetings)');
    const updateId = nextUpdateId++;
    sent.meeting++;
    return {
      kind: 'meeting',
      body: JSON.stringify(callbackUpdate(invitation.telegramId, `mt:y:${invitation.meetingId}`, updateId)),
      done(ok) {
        replies.push({ ...invitation, ok });
      },
    };
  };

  return {
    next: (): PlannedUpdate => (turn++ % 2 === 0 ? quizAnswer() : meetingReply()),
    /** Every quiz answer and meeting reply sent so far, with whether the server took it. */
    answers: () => answers,
    replies: () => replies,
    sent: () => ({ ...sent }),
  };
}

export type Workload = ReturnType<typeof createWorkload>;
