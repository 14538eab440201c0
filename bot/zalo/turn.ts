import type { Services } from '../../src/services';
import type { LinkedMember } from '../../src/services/accounts/get-linked-member';
import type { Logger } from '../../src/logger';
import type { ZaloClient } from './client';
import { zalo } from './locales/vi';
import { numberedLines, splitForZalo } from './text';

export const channel = 'zalo';

/** Prompt kinds this bot stores in chat_prompts (one open prompt per Zalo account). */
export const promptKinds = {
  /** Numbered choices: `data.actions[n - 1]` is what answering n does. */
  choices: 'zalo_choices',
  /** A question with several right answers, answered "1, 3". */
  quizMulti: 'zalo_quiz_multi',
  /** A contest's tie-break prediction, answered with a number. */
  prediction: 'zalo_prediction',
  /** Shared with Telegram's wording: typed reason for an absence, typed comment after a meeting. */
  meetingReason: 'meeting_reason',
  feedbackComment: 'feedback_comment',
} as const;

/** Numbered choices to a notice stay answerable for a week (members reply days before a meeting). */
export const noticeChoicesTtlMs = 7 * 24 * 3600_000;

/**
 * The signed member-page link appended to quiz and meeting messages ("Hoặc làm trên trang
 * web: …"); createApp supplies it through createChatPageLink. Null: no line.
 */
export type PageLinkFor = (input: { memberId: number; target: { kind: 'quiz'; attemptId: number } | { kind: 'meeting'; meetingId: number } }) => Promise<string | null>;

export interface ZaloDeps {
  client: ZaloClient;
  services: Services;
  logger: Logger;
  pageLink?: PageLinkFor;
}

export interface Choice {
  label: string;
  /** Telegram callback data (the same actions) or a Zalo-only `z:` action. */
  action: string;
}

/** One incoming message: who wrote, and how to answer them. */
export interface Turn {
  deps: ZaloDeps;
  services: Services;
  externalId: string;
  chatId: string;
  member: LinkedMember | null;
  actor: string;
  /** The actions of the numbered prompt this message answered, if any (to offer them again later). */
  answered: string[] | null;
  reply(text: string): Promise<void>;
  /** Sends `text` with numbered choices and stores what each number does. */
  offer(text: string, choices: Choice[], ttlMs?: number): Promise<void>;
  setPrompt(kind: string, data: Record<string, unknown>, ttlMs?: number): Promise<void>;
  clearPrompt(): Promise<boolean>;
  /** Appends the member-page link line when one is available (see PageLinkFor). */
  withPageLink(text: string, target: Parameters<PageLinkFor>[0]['target']): Promise<string>;
}

/** Text, numbered lines and the "Trả lời 1, 2 hoặc 3." line, as one message body. */
export const withChoices = (text: string, labels: string[]) => `${text}\n\n${numberedLines(labels)}\n\n${zalo.chooseByNumber(labels.length)}`;

export function createTurn(deps: ZaloDeps, input: { externalId: string; chatId: string; member: LinkedMember | null }): Turn {
  const { services } = deps;
  const actor = input.member ? `zalo:${input.member.memberId}` : 'zalo:stranger';
  const key = { channel, externalId: input.externalId };
  const reply = async (text: string) => {
    for (const part of splitForZalo(text)) await deps.client.sendMessage(input.chatId, part);
  };
  const setPrompt = (kind: string, data: Record<string, unknown>, ttlMs?: number) => services.setChatPrompt({ ...key, kind, data, ttlMs }, actor);
  return {
    deps,
    services,
    ...input,
    actor,
    answered: null,
    reply,
    setPrompt,
    clearPrompt: () => services.clearChatPrompt(key, actor),
    async offer(text, choices, ttlMs) {
      // The mapping is stored before the message goes out: an answer can never arrive first.
      await setPrompt(promptKinds.choices, { actions: choices.map((c) => c.action) }, ttlMs);
      await reply(withChoices(text, choices.map((c) => c.label)));
    },
    async withPageLink(text, target) {
      if (!deps.pageLink || !input.member) return text;
      const link = await deps.pageLink({ memberId: input.member.memberId, target });
      return link ? `${text}\n\n${zalo.pageLink(link)}` : text;
    },
  };
}
