import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { memberMayEnterContest, memberMayTakeSet } from './quiz-access';

export interface OpenQuiz {
  setId: number;
  title: string;
  questions: number;
  timeLimitSeconds: number | null;
  unfinishedAttemptId: number | null;
  bestPercent: number | null;
}

export interface OpenContest {
  contestId: number;
  title: string;
  closesAt: Date;
  attemptsAllowed: number;
  attemptsUsed: number;
  unfinishedAttemptId: number | null;
}

/** Practice quizzes and contests the member may take now, with their progress. */
export async function listOpenQuizzes({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number };
}): Promise<{ quizzes: OpenQuiz[]; contests: OpenContest[] }> {
  const m = input.memberId;
  const quizzes = await ctx.db.all<{ id: number; title: string; questions: number; draw_count: number | null; time_limit_seconds: number | null; unfinished: number | null; best: number | null }>(sql`
    SELECT qs.id, qs.title, qs.draw_count, qs.time_limit_seconds,
      (SELECT count(*) FROM quiz_questions q WHERE q.set_id = qs.id AND q.status = 'approved') AS questions,
      (SELECT a.id FROM quiz_attempts a WHERE a.set_id = qs.id AND a.member_id = ${m} AND a.contest_id IS NULL AND a.finished_at IS NULL
        ORDER BY a.id DESC LIMIT 1) AS unfinished,
      (SELECT max(100.0 * (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id AND x.is_correct) / json_array_length(a.question_ids))
        FROM quiz_attempts a WHERE a.set_id = qs.id AND a.member_id = ${m} AND a.finished_at IS NOT NULL) AS best
    FROM quiz_sets qs
    WHERE ${memberMayTakeSet(m, sql`qs.id`)}
      AND EXISTS (SELECT 1 FROM quiz_questions q WHERE q.set_id = qs.id AND q.status = 'approved')
    ORDER BY qs.updated_at DESC, qs.id DESC`);
  const now = ctx.clock.now().getTime();
  const contests = await ctx.db.all<{ id: number; title: string; closes_at: number; attempts_allowed: number; used: number; unfinished: number | null }>(sql`
    SELECT c.id, c.title, c.closes_at, c.attempts_allowed,
      (SELECT count(*) FROM quiz_attempts a WHERE a.contest_id = c.id AND a.member_id = ${m}) AS used,
      (SELECT a.id FROM quiz_attempts a WHERE a.contest_id = c.id AND a.member_id = ${m} AND a.finished_at IS NULL LIMIT 1) AS unfinished
    FROM contests c
    WHERE c.opens_at <= ${now} AND c.closes_at > ${now} AND ${memberMayEnterContest(m, sql`c.id`)}
    ORDER BY c.closes_at`);
  return {
    quizzes: quizzes.map((q) => ({
      setId: q.id,
      title: q.title,
      questions: Math.min(Number(q.questions), q.draw_count ?? Number.POSITIVE_INFINITY),
      timeLimitSeconds: q.time_limit_seconds,
      unfinishedAttemptId: q.unfinished,
      bestPercent: q.best === null ? null : Math.round(Number(q.best)),
    })),
    contests: contests.map((c) => ({
      contestId: c.id,
      title: c.title,
      closesAt: new Date(Number(c.closes_at)),
      attemptsAllowed: c.attempts_allowed,
      attemptsUsed: Number(c.used),
      unfinishedAttemptId: c.unfinished,
    })),
  };
}
