import { formatDateTime } from '../../../src/time';
import { roleNames, statusNames, zalo } from '../locales/vi';
import type { Turn } from '../turn';
import { requireMember } from './require-member';

export const menuActions = { menu: 'z:menu', documents: 'z:docs', quizzes: 'z:quiz', me: 'z:me' } as const;

/** The numbered menu: what a linked member can do on Zalo. */
export async function showMenu(turn: Turn) {
  const member = requireMember(turn);
  await turn.offer(zalo.menuHeader(member.fullName), [
    { label: zalo.menuDocuments, action: menuActions.documents },
    { label: zalo.menuQuizzes, action: menuActions.quizzes },
    { label: zalo.menuMe, action: menuActions.me },
  ]);
}

export async function showMe(turn: Turn) {
  const member = requireMember(turn);
  await turn.reply(
    zalo.me({ name: member.fullName, unit: member.unitName, role: roleNames[member.role], status: statusNames[member.status], since: formatDateTime(member.linkedAt) }),
  );
}
