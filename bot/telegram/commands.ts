import type { Api, Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { MemberRole } from '../../src/db/schema';
import { officerRoles } from '../../src/services/members/member-vocabulary';
import type { BotContext } from './context';
import { commandDescriptions } from './locales/vi';

const memberCommands: BotCommand[] = [
  { command: 'tailieu', description: commandDescriptions.tailieu },
  { command: 'timkiem', description: commandDescriptions.timkiem },
  { command: 'quiz', description: commandDescriptions.quiz },
  { command: 'xephang', description: commandDescriptions.xephang },
  { command: 'trang', description: commandDescriptions.trang },
  { command: 'toi', description: commandDescriptions.toi },
  { command: 'help', description: commandDescriptions.help },
];

const officerCommands: BotCommand[] = [
  ...memberCommands,
  { command: 'hop', description: commandDescriptions.hop },
  { command: 'donvi', description: commandDescriptions.donvi },
  { command: 'dashboard', description: commandDescriptions.dashboard },
];

export const isOfficer = (role: MemberRole) => officerRoles.includes(role);

export function commandsFor(role: MemberRole | null): BotCommand[] {
  if (role === null) return [{ command: 'help', description: commandDescriptions.help }];
  return isOfficer(role) ? officerCommands : memberCommands;
}

/** The menu everyone sees in private chats. */
export async function setDefaultCommands(api: Api | Bot<BotContext>['api']): Promise<void> {
  await api.setMyCommands(memberCommands, { scope: { type: 'all_private_chats' } });
}

/** Officers get their own menu in their chat; others fall back to the default. */
export async function setChatCommands(api: Api, chatId: number | string, role: MemberRole | null): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: chatId };
  if (role !== null && isOfficer(role)) await api.setMyCommands(officerCommands, { scope });
  else await api.deleteMyCommands({ scope });
}
