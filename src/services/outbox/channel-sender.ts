import type { OutboxKeyboard } from '../../db/schema';

/** What a channel answered to one send. */
export type SendResult =
  | { kind: 'sent'; messageId: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** Not sent and not to be sent yet to this chat (the member is busy): later, no attempt counted. */
  | { kind: 'deferred'; retryAfterSeconds: number; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'transient'; reason: string }
  /** The request may have reached the channel (timeout, connection dropped): never resent. */
  | { kind: 'uncertain'; reason: string };

/** The port a channel (Telegram, Zalo) implements for the outbox sender. */
export interface ChannelSender {
  readonly channel: string;
  send(message: { chatId: string; text: string; keyboard: OutboxKeyboard | null }): Promise<SendResult>;
  /** Replaces the text of a message the bot sent (the broadcast progress message). */
  editText(chatId: string, messageId: string, text: string): Promise<void>;
  /** Sends a plain message and returns its id (the first progress message). */
  sendPlain(chatId: string, text: string): Promise<string | null>;
}

/** One channel's outbox as the entries run it: sender, limits, and where others' broadcasts report. */
export interface OutboxChannel {
  sender: ChannelSender;
  limits: OutboxLimits;
  /** Senders of other channels, for the progress of broadcasts started there. */
  progressSenders?: Record<string, ChannelSender>;
}

export interface OutboxLimits {
  /** Messages per second across all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Minimum gap between two messages to one private chat (Telegram: about 1 s). */
  perChatIntervalMs: number;
  /** Minimum gap between two messages to one group (Telegram: 20 per minute). */
  groupIntervalMs: number;
  /** Requests in flight at once. */
  maxInFlight: number;
  /** Transient failures before a message is given up. */
  maxAttempts: number;
  /** A claim older than this belongs to a sender that died (well above the request timeout). */
  staleClaimMs: number;
}

export const telegramLimits: OutboxLimits = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  groupIntervalMs: 3000,
  maxInFlight: 16,
  maxAttempts: 5,
  staleClaimMs: 60_000,
};

/**
 * Zalo Bot Platform publishes no send rate (checked its docs and SDKs), so these are
 * conservative guesses: 8 messages a second (a fifth under the 10 per second we assume Zalo
 * tolerates, leaving room for network jitter), 1.5 s between two messages to one chat, few
 * requests in flight. A 429 still pauses the whole sender (see outbox-sender).
 */
export const zaloLimits: OutboxLimits = {
  globalPerSecond: 8,
  perChatIntervalMs: 1500,
  groupIntervalMs: 3000,
  maxInFlight: 4,
  maxAttempts: 5,
  staleClaimMs: 60_000,
};
