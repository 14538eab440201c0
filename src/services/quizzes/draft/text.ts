/**
 * Text helpers for drafting: spans with their offsets (so every quote stays verbatim), list
 * markers, capitalisation and a crude word-overlap measure for de-duplication.
 */
import { foldText } from '../../../text/fold';

export { foldText };

/** A piece of a line with its offsets in that line: text === line.slice(start, end). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export function span(line: string, start: number, end: number): Span {
  return { text: line.slice(start, end), start, end };
}

/** "- ", "+ ", "• ", "(1). ", "(2) ", "1. ", "a) " at the start of a line. */
const listMarker = /^(?:[-+•]\s*|\(\d{1,2}\)\.?\s*|\d{1,2}[.)]\s+|[a-hk-nđ]\)\s+)/u;

export function markerLength(text: string): number {
  return listMarker.exec(text)?.[0].length ?? 0;
}

/** Shrinks a span past leading and trailing spaces. */
export function trimSpan(line: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(line.charAt(start))) start++;
  while (end > start && /\s/u.test(line.charAt(end - 1))) end--;
  return span(line, start, end);
}

/**
 * Sentences of a line, cut after ".", "!" or "?" when a space and a sentence opener (capital,
 * digit, quote, bracket) follow.
 */
export function sentenceSpans(line: string): Span[] {
  const out: Span[] = [];
  const cut = /[.!?]["”’)]?\s+(?=[\p{Lu}\d“"(])/gu;
  let start = 0;
  for (let m = cut.exec(line); m; m = cut.exec(line)) {
    const end = m.index + m[0].trimEnd().length;
    out.push(trimSpan(line, span(line, start, end)));
    start = m.index + m[0].length;
  }
  out.push(trimSpan(line, span(line, start, line.length)));
  return out.filter((s) => s.text.length > 0);
}

/** Splits a span at a separator character class (";" or ",;"), keeping offsets in the line. */
export function splitSpan(line: string, s: Span, separators: RegExp): Span[] {
  const out: Span[] = [];
  let start = s.start;
  for (let i = s.start; i < s.end; i++) {
    if (separators.test(line.charAt(i))) {
      out.push(trimSpan(line, span(line, start, i)));
      start = i + 1;
    }
  }
  out.push(trimSpan(line, span(line, start, s.end)));
  return out.filter((x) => x.text.length > 0);
}

/** Trailing ".", ";", ":", ",", "./." and spaces removed. */
export function trimEndPunctuation(text: string): string {
  return text.replace(/(?:\s|[.;:,]|\.\/\.)+$/u, '');
}

/** Upper-cases the first letter (skipping opening quotes and brackets). */
export function capitaliseFirst(text: string): string {
  return text.replace(/^([\s"“‘'([«]*)(\p{Ll})/u, (_m, lead: string, letter: string) => lead + letter.toLocaleUpperCase('vi'));
}

/**
 * Lower-cases the first letter of a common noun phrase that opened a sentence ("Chi bộ sinh
 * hoạt …" → "chi bộ sinh hoạt …"), leaving names ("Ban Thường vụ …") and acronyms alone.
 */
export function lowerCommonStart(text: string): string {
  const m = /^(\p{Lu})(\p{Ll}*)(\s+)(\S)/u.exec(text);
  if (!m?.[1] || m[2] === undefined || !m[4]) return text;
  if (m[2].length === 0 || /\p{Lu}/u.test(m[4])) return text;
  return m[1].toLocaleLowerCase('vi') + text.slice(1);
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Folded words, for comparing two texts whatever their accents or case. */
export function wordSet(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^a-z0-9%]+/u)
      .filter(Boolean),
  );
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Occurrences of needle in haystack (non-overlapping). */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * A window of whole words around [start, end) in text, at most about maxLength characters, so a
 * long clause still yields a short verbatim quote that contains the fact.
 */
export function wordWindow(text: string, start: number, end: number, maxLength: number): Span {
  if (text.length <= maxLength) return span(text, 0, text.length);
  // Start with the sentence when the fact stands close enough to its beginning.
  if (end <= maxLength) {
    const cut = text.lastIndexOf(' ', maxLength);
    return trimSpan(text, span(text, 0, Math.max(cut, end)));
  }
  let from = start;
  let to = end;
  const grow = () => {
    let changed = false;
    if (from > 0) {
      const prev = text.lastIndexOf(' ', from - 2);
      const next = prev < 0 ? 0 : prev + 1;
      if (to - next <= maxLength) {
        from = next;
        changed = true;
      }
    }
    if (to < text.length) {
      const nextSpace = text.indexOf(' ', to + 1);
      const next = nextSpace < 0 ? text.length : nextSpace;
      if (next - from <= maxLength) {
        to = next;
        changed = true;
      }
    }
    return changed;
  };
  while (grow()) {
    /* widen one word each side while it fits */
  }
  return trimSpan(text, span(text, from, to));
}
