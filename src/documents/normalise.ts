import { cleanCharacters } from './clean-characters';
import { stripEmphasis } from './emphasis';
import { DocumentParseError } from './errors';
import { extractFootnotes, type RawFootnote } from './footnotes';
import { fixOcrSlips } from './ocr-fixes';
import { reflow } from './reflow';

export interface NormalisedText {
  /** NFC text, one paragraph, bullet or heading a line, paragraphs apart by a blank line. */
  text: string;
  /** Footnotes lifted out of the flow, in the order they were found. */
  footnotes: RawFootnote[];
}

/** Largest input accepted: the longest resolutions run to ~200 kB; anything far beyond is not one. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** Page numbers and running page labels left between pages by the converter. */
const pageArtefact = /^(?:[-–]?\s*\d{1,3}\s*[-–]?|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;

export function assertDocumentText(input: unknown): asserts input is string {
  if (typeof input !== 'string') throw new DocumentParseError('not_text', 'Input is not text');
  if (input.length > MAX_DOCUMENT_CHARS) {
    throw new DocumentParseError('too_large', `Text is longer than ${MAX_DOCUMENT_CHARS} characters`);
  }
  if (input.trim() === '') throw new DocumentParseError('empty_text', 'Text is empty');
  // A binary file read as UTF-8 is full of NULs and replacement characters.
  let junk = 0;
  for (const char of input) if (char === '\u0000' || char === '\ufffd') junk++;
  if (junk > 0 && junk / input.length > 0.01) {
    throw new DocumentParseError('not_text', 'Text looks like a binary file');
  }
  if (!/\p{L}{2}/u.test(input)) throw new DocumentParseError('empty_text', 'Text has no words');
}

/**
 * Turns converted text into clean text: NFC, "\n" line endings, no bold/italic markers,
 * known recognition slips repaired, footnotes lifted out, broken lines joined again.
 */
export function normaliseText(input: string): NormalisedText {
  assertDocumentText(input);
  const cleaned = fixOcrSlips(stripEmphasis(cleanCharacters(input)));
  const withoutPageNumbers = cleaned
    .split('\n')
    .map((line) => (pageArtefact.test(line.trim()) ? '' : line))
    .join('\n');
  const { text, footnotes } = extractFootnotes(withoutPageNumbers);
  return { text: reflow(text), footnotes };
}
