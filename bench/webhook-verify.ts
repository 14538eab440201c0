// After the chibo rounds of bench/webhook.ts: does the database hold exactly the quiz
// answers and meeting replies the server took (HTTP 200), no more and no fewer?
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import type { Workload } from './webhook-workload';

export interface StoredCheck {
  /** Answers the server took (HTTP 200). */
  answersSent: number;
  answersStored: number;
  /** Answers taken (200) but not stored, and stored although never sent. */
  answersMissing: number;
  answersUnexpected: number;
  repliesSent: number;
  repliesStored: number;
  repliesMissing: number;
  repliesUnexpected: number;
  /** Updates sent to chibo (all phases), and Telegram update ids its webhook claimed (processed_updates). */
  updatesSent: number;
  claimed: number;
  exact: boolean;
}

/** Taken but not stored, and stored without having been sent at all (a failed request may or may not have landed). */
function compare(items: { key: string; ok: boolean }[], stored: Set<string>) {
  const all = new Set(items.map((i) => i.key));
  const missing = items.filter((i) => i.ok && !stored.has(i.key)).length;
  let unexpected = 0;
  for (const key of stored) if (!all.has(key)) unexpected++;
  return { taken: items.filter((i) => i.ok).length, missing, unexpected };
}

export async function checkStored(db: Database, workload: Workload): Promise<StoredCheck> {
  const sentAnswers = workload.answers().map((a) => ({ key: `${a.attemptId}:${a.position}`, ok: a.ok }));
  const storedAnswers = new Set(
    (await db.all<{ attempt_id: number; position: number }>(sql`SELECT attempt_id, position FROM quiz_answers`)).map((r) => `${r.attempt_id}:${r.position}`),
  );
  const sentReplies = workload.replies().map((r) => ({ key: `${r.meetingId}:${r.telegramId}`, ok: r.ok }));
  const storedReplies = new Set(
    (
      await db.all<{ meeting_id: number; external_id: string }>(sql`
        SELECT i.meeting_id, a.external_id FROM meeting_invitees i
        JOIN channel_accounts a ON a.member_id = i.member_id AND a.channel = 'telegram'
        WHERE i.reply = 'attending'`)
    ).map((r) => `${r.meeting_id}:${r.external_id}`),
  );
  const [claimed] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM processed_updates WHERE channel = 'telegram'`);
  const answers = compare(sentAnswers, storedAnswers);
  const replies = compare(sentReplies, storedReplies);
  const sent = workload.sent();
  const updatesSent = sent.quiz + sent.meeting;
  const claimedCount = Number(claimed?.n ?? 0);
  return {
    answersSent: answers.taken,
    answersStored: storedAnswers.size,
    answersMissing: answers.missing,
    answersUnexpected: answers.unexpected,
    repliesSent: replies.taken,
    repliesStored: storedReplies.size,
    repliesMissing: replies.missing,
    repliesUnexpected: replies.unexpected,
    updatesSent,
    claimed: claimedCount,
    exact: answers.missing + answers.unexpected + replies.missing + replies.unexpected === 0 && claimedCount === updatesSent,
  };
}
