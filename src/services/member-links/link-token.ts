import { type LinkKey, sameSignature, signText } from './link-key';
import { type MemberLinkPurpose, purposeCodes } from './link-purposes';

export interface LinkClaims {
  memberId: number;
  /** The member's unit when the link was made: a member who moved unit is refused. */
  unitId: number;
  purpose: MemberLinkPurpose;
  targetId: number;
  /** Milliseconds, rounded down to the second. */
  expiresAt: number;
}

const purposeOfCode = new Map(Object.entries(purposeCodes).map(([purpose, code]) => [code, purpose as MemberLinkPurpose]));
const tokenShape = /^([1-9]\d{0,9})\.([1-9]\d{0,9})\.([a-z])([1-9]\d{0,9})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;

/**
 * `<member>.<unit>.<purpose letter><target>.<expiry, base-36 seconds>.<signature>`: only
 * URL-safe characters, readable ids (they are not secret), the HMAC over all of it.
 */
export async function signedToken(key: LinkKey, claims: LinkClaims): Promise<string> {
  const payload = `${claims.memberId}.${claims.unitId}.${purposeCodes[claims.purpose]}${claims.targetId}.${Math.floor(claims.expiresAt / 1000).toString(36)}`;
  return `${payload}.${await signText(key, payload)}`;
}

/** The claims of a well-formed token with a valid signature, else null (expiry is the caller's check). */
export async function readToken(key: LinkKey, token: string): Promise<LinkClaims | null> {
  const m = tokenShape.exec(token);
  if (!m) return null;
  const purpose = purposeOfCode.get(m[3]!);
  const signature = await signText(key, token.slice(0, token.lastIndexOf('.')));
  if (!purpose || !sameSignature(signature, m[6]!)) return null;
  return { memberId: Number(m[1]), unitId: Number(m[2]), purpose, targetId: Number(m[4]), expiresAt: Number.parseInt(m[5]!, 36) * 1000 };
}

/** The form token of a page: bound to its link, so a form posts only with the page it came from. */
export const formTokenOf = (key: LinkKey, token: string) => signText(key, `form:${token}`);
