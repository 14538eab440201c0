import { inviteCodePattern, normaliseInviteCode } from '../../../src/services/invites/invite-code';
import { shared, zalo } from '../locales/vi';
import { channel, type Turn } from '../turn';

export const consentAction = (code: string) => `z:consent:${code}`;
export const consentPattern = /^z:consent:([A-Z2-9]{10})$/;
export const declineAction = 'z:decline';

/** True when a stranger's message is shaped like an invite code ("abcd 23ef gh" counts). */
export const looksLikeInviteCode = (text: string) => inviteCodePattern.test(normaliseInviteCode(text));

/** A code was sent: check it (the reason is answered when it cannot be used), then ask for consent. */
export async function offerConsent(turn: Turn, text: string) {
  const code = normaliseInviteCode(text);
  await turn.services.checkInvite({ channel, code, externalId: turn.externalId }, turn.actor);
  await turn.offer(zalo.privacyNotice, [
    { label: shared.consentYes, action: consentAction(code) },
    { label: shared.consentNo, action: declineAction },
  ]);
}

/** "1" under the privacy notice: link the account (the code is checked again, atomically). */
export async function consent(turn: Turn, code: string) {
  const member = await turn.services.acceptInvite({ channel, code, externalId: turn.externalId, chatId: turn.chatId }, turn.actor);
  await turn.clearPrompt();
  await turn.reply(zalo.linked(member.fullName, member.unitName));
}

export async function decline(turn: Turn) {
  await turn.clearPrompt();
  await turn.reply(zalo.consentDeclined);
}
