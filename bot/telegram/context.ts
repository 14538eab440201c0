import type { Context } from 'grammy';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import type { MeetingRules } from '../../src/services/meetings/meeting-rules';
import type { LinkedMember } from '../../src/services/accounts/get-linked-member';

/** What every handler gets besides grammY's context: the linked member (or null) and the services. */
export interface ChiboFlavor {
  member: LinkedMember | null;
  actor: string;
  services: Services;
  logger: Logger;
  meetingRules: MeetingRules;
}

export type BotContext = Context & ChiboFlavor;
