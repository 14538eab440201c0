// No 0/O, 1/I/L: codes get read aloud and typed from paper.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random 10-character code (~49 bits), valid as a Telegram /start payload. */
export function newInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const inviteCodePattern = /^[A-Z2-9]{10}$/;

/** Users may type the code by hand: tolerate case and spaces. */
export const normaliseInviteCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();
