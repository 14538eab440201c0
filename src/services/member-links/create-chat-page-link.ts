import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { isServiceError } from '../errors';
import { createMemberLink } from './create-member-link';

export type ChatPageTarget = { kind: 'quiz'; attemptId: number } | { kind: 'meeting'; meetingId: number };

/**
 * The member page that continues what a chat message is about (a quiz attempt's quiz or
 * contest, a meeting's reply page), or null when the member may not use one now. Channels
 * without buttons (Zalo) append it to their messages.
 */
export async function createChatPageLink({
  ctx,
  input,
  secret,
}: {
  ctx: ServiceContext;
  input: { memberId: number; target: ChatPageTarget };
  secret?: string;
}): Promise<string | null> {
  let purpose: 'quiz' | 'contest' | 'meeting-reply';
  let targetId: number;
  if (input.target.kind === 'meeting') {
    purpose = 'meeting-reply';
    targetId = input.target.meetingId;
  } else {
    const [attempt] = await ctx.db.all<{ set_id: number; contest_id: number | null }>(sql`
      SELECT set_id, contest_id FROM quiz_attempts WHERE id = ${input.target.attemptId} AND member_id = ${input.memberId}`);
    if (!attempt) return null;
    purpose = attempt.contest_id === null ? 'quiz' : 'contest';
    targetId = attempt.contest_id ?? attempt.set_id;
  }
  try {
    return (await createMemberLink({ ctx, input: { memberId: input.memberId, purpose, targetId }, secret })).path;
  } catch (error) {
    // A meeting already started, a contest closed: the chat message simply goes without a link.
    if (isServiceError(error)) return null;
    throw error;
  }
}
