import { zaloMaxTextLength } from './client';

/** Cuts one block that is too long at the last space before `max` (or hard, for a word longer than max). */
function cutBlock(block: string, max: number): string[] {
  const out: string[] = [];
  let rest = block;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const at = space > max / 2 ? space : max;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits text into Zalo messages of at most `max` characters: at paragraph boundaries
 * (blank lines) first, then at line breaks, then between words.
 */
export function splitForZalo(text: string, max = zaloMaxTextLength): string[] {
  const pieces = text
    .normalize('NFC')
    .split(/\n{2,}/)
    .flatMap((paragraph) => (paragraph.length <= max ? [paragraph] : paragraph.split('\n').flatMap((line) => cutBlock(line, max))));
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (!piece.trim()) continue;
    if (current && current.length + 2 + piece.length > max) {
      parts.push(current);
      current = piece;
    } else current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) parts.push(current);
  return parts;
}

/** "1. …\n2. …": the way Zalo, without buttons, offers choices. */
export const numberedLines = (labels: string[]) => labels.map((label, i) => `${i + 1}. ${label}`).join('\n');

/** A whole number typed as an answer ("2", " 2. ", "số 2"), or null. */
export function typedNumber(text: string): number | null {
  const m = /^\s*(?:số\s*)?(\d{1,3})\s*[.)]?\s*$/iu.exec(text.normalize('NFC'));
  return m ? Number(m[1]) : null;
}

/** "1, 3" or "1 3" for a question with several right answers; null unless every part is a number. */
export function typedNumbers(text: string): number[] | null {
  const parts = text.normalize('NFC').trim().split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 8 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}
