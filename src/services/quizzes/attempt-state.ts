import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export interface AttemptState {
  id: number;
  setId: number;
  contestId: number | null;
  questionIds: number[];
  optionOrders: number[][];
  shownAt: number | null;
  startedAt: number;
  finishedAt: number | null;
  answered: number;
  timeLimitSeconds: number | null;
  setTitle: string;
  documentNumber: string | null;
  passPercent: number;
}

/** Loads an attempt that belongs to the member (anyone else's id is "not found"). */
export async function loadAttempt(ctx: ServiceContext, memberId: number, attemptId: number): Promise<AttemptState> {
  const [a] = await ctx.db.all<{
    id: number;
    set_id: number;
    contest_id: number | null;
    question_ids: string;
    option_orders: string;
    shown_at: number | null;
    started_at: number;
    finished_at: number | null;
    answered: number;
    time_limit_seconds: number | null;
    title: string;
    document_number: string | null;
    pass_percent: number;
  }>(sql`
    SELECT a.id, a.set_id, a.contest_id, a.question_ids, a.option_orders, a.shown_at, a.started_at, a.finished_at,
      (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = a.id) AS answered,
      s.time_limit_seconds, s.title, coalesce(d.number, s.document_number) AS document_number, s.pass_percent
    FROM quiz_attempts a JOIN quiz_sets s ON s.id = a.set_id LEFT JOIN documents d ON d.id = s.document_id
    WHERE a.id = ${attemptId} AND a.member_id = ${memberId}`);
  if (!a) throw new ServiceError('not_found', 'attempt not found');
  return {
    id: a.id,
    setId: a.set_id,
    contestId: a.contest_id,
    questionIds: JSON.parse(a.question_ids) as number[],
    optionOrders: JSON.parse(a.option_orders) as number[][],
    shownAt: a.shown_at === null ? null : Number(a.shown_at),
    startedAt: Number(a.started_at),
    finishedAt: a.finished_at === null ? null : Number(a.finished_at),
    answered: Number(a.answered),
    timeLimitSeconds: a.time_limit_seconds,
    setTitle: a.title,
    documentNumber: a.document_number,
    passPercent: a.pass_percent,
  };
}
