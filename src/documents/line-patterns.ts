/**
 * Recognisers for the kinds of lines a Party document is made of. Shared by the reflow step
 * (which must never glue a heading or a bullet onto the previous line) and the later steps.
 */

/** "- ", "+ ", "• " … at the start of a line (glyph bullets are turned into "-" while cleaning). */
export const bulletLine = /^[-+]\s*(?=\S)/u;

/** "(1)", "(1).", "1)" items inside a section: numbered list items, never sections. */
export const enumeratedItem = /^\(\d{1,2}\)\.?\s*/u;

const romanNumeral = '(?:X{0,3})(?:IX|IV|V?I{0,3})';

/** "I. TÌNH HÌNH", "II- NHIỆM VỤ", "PHẦN III: …", "Chương IV. …" */
const romanHeading = new RegExp(
  `^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\\s+)?(${romanNumeral})\\s*[.\\-–—:)]\\s*(\\S.*)$`,
  'u',
);
/** "II NHIỆM VỤ VÀ GIẢI PHÁP" without punctuation: only when the heading is in capitals. */
const romanHeadingBare = new RegExp(`^(${romanNumeral})\\s+(\\p{Lu}[\\p{Lu}\\s,;-]+)$`, 'u');
/** "1. Quan điểm", "2) …" */
const arabicHeading = /^(\d{1,2})[.)]\s*(\p{L}.*|[“"(].*)$/u;
/** "2.1. Mục tiêu", "3.5.1 Thực hiện …" */
const arabicPathHeading = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;
/** "Điều 3. …" in regulations. */
const articleHeading = /^Điều\s+(\d{1,3})\s*[.:]\s*(\S.*)$/u;
/** "a) …", "b. …" sub-points. */
const letterHeading = /^([a-hk-nđ])[).]\s+(\S.*)$/u;

export type HeadingNumber =
  | { kind: 'roman'; number: string; rest: string }
  | { kind: 'arabic'; numbers: number[]; rest: string }
  | { kind: 'letter'; letter: string; rest: string };

export function matchHeadingNumber(line: string): HeadingNumber | null {
  const roman = romanHeading.exec(line) ?? romanHeadingBare.exec(line);
  if (roman?.[1] && roman[2]) return { kind: 'roman', number: roman[1], rest: roman[2].trim() };
  const path = arabicPathHeading.exec(line);
  if (path?.[1] && path[2] && !/^\d/.test(path[2])) {
    return { kind: 'arabic', numbers: path[1].split('.').map(Number), rest: path[2].trim() };
  }
  const single = arabicHeading.exec(line) ?? articleHeading.exec(line);
  if (single?.[1] && single[2]) {
    return { kind: 'arabic', numbers: [Number(single[1])], rest: single[2].trim() };
  }
  const letter = letterHeading.exec(line);
  if (letter?.[1] && letter[2]) return { kind: 'letter', letter: letter[1], rest: letter[2].trim() };
  return null;
}

/** "Nơi nhận:" opens the recipients block at the foot of a document. */
export const recipientsStart = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;

/** "Kính gửi:" opens the addressees of a công văn. */
export const addresseesStart = /^Kính\s+gửi\s*:?\s*(.*)$/iu;

/** "T/M BAN CHẤP HÀNH", "K/T BÍ THƯ", "TM. BAN THƯỜNG VỤ", "TL. …", "TUQ. …" */
export const signatureCapacity = /^(T\/M|TM\.?|K\/T|KT\.?|TL\.?|TUQ\.?|Q\.)\s+(\p{Lu}.*)$/u;

/** A signer's position on its own line, in capitals. */
export const signerPosition =
  /^(?:PHÓ\s+)?(?:BÍ THƯ|TRƯỞNG BAN|CHỦ NHIỆM|CHÁNH VĂN PHÒNG|CHỦ TỊCH|GIÁM ĐỐC)(?:\s+[\p{Lu}\s]+)?$/u;

/** Any line that starts something new and so can never continue the previous line. */
export function startsBlock(line: string): boolean {
  return (
    bulletLine.test(line) ||
    enumeratedItem.test(line) ||
    matchHeadingNumber(line) !== null ||
    recipientsStart.test(line) ||
    addresseesStart.test(line) ||
    signatureCapacity.test(line)
  );
}
