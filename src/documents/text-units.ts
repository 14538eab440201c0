/**
 * Cuts a paragraph into sentences and a sentence into clauses, keeping offsets, so that
 * every piece handed on is an exact slice of the normalised body.
 */

export interface Span {
  text: string;
  /** Offset of the first character in the string the span was cut from. */
  start: number;
}

/** Bullet ("- ", "+ ") or list number ("(1). ", "(2) ", "1. ") that opens an item. */
const itemMarker = /^(?:[-+]\s*|\(\d{1,2}\)\.?\s*|\d{1,2}[.)]\s+)/u;

/** The item's text without its bullet or list number. */
export function itemBody(line: string): Span {
  const marker = itemMarker.exec(line)?.[0] ?? '';
  return { text: line.slice(marker.length), start: marker.length };
}

const abbreviations = new Set(['tp', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'st', 'đ/c', 'tr', 'th']);

/**
 * Tracks nesting in brackets and quotes; straight quotes open after a space or bracket and
 * close before one, which is how they are typed in practice (nested or not).
 */
function depthScanner() {
  let depth = 0;
  return (text: string, i: number): number => {
    const c = text.charAt(i);
    if (c === '(' || c === '“' || c === '[') depth++;
    else if ((c === ')' || c === '”' || c === ']') && depth > 0) depth--;
    else if (c === '"') {
      const before = text.charAt(i - 1);
      const after = text.charAt(i + 1);
      if ((before === '' || /[\s(“[]/u.test(before)) && /\S/u.test(after)) depth++;
      else if (depth > 0) depth--;
    }
    return depth;
  };
}

function trimSpan(text: string, start: number): Span | null {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return trimmed === '' ? null : { text: trimmed, start: start + lead };
}

export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  const depthAt = depthScanner();
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const depth = depthAt(text, i);
    if (!/[.!?…]/u.test(text.charAt(i))) continue;
    // Include closing quotes or brackets that follow the stop ("… trong tình hình mới.”").
    let end = i + 1;
    while (/[”"’)]/u.test(text.charAt(end))) end++;
    if (depth > end - i - 1) continue;
    const rest = text.slice(end);
    if (!/^\s+(?:[-+]\s+)?[“"‘(]?[\p{Lu}\d]/u.test(rest)) continue;
    // "1. Tăng cường …", "(2). Phấn đấu …": a list number, not a sentence.
    if (/^\s*\(?\d{1,2}\)?$/u.test(text.slice(from, i))) continue;
    if (text.charAt(i) === '.') {
      const word = /([\p{L}/]+)$/u.exec(text.slice(from, i))?.[1]?.toLocaleLowerCase('vi') ?? '';
      if (abbreviations.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    const span = trimSpan(text.slice(from, end), offset + from);
    if (span) spans.push(span);
    from = end;
  }
  const last = trimSpan(text.slice(from), offset + from);
  if (last) spans.push(last);
  return spans;
}

/** Splits a sentence at semicolons that are not inside brackets or quotes. */
export function splitClauses(sentence: Span): Span[] {
  const spans: Span[] = [];
  const depthAt = depthScanner();
  let from = 0;
  const text = sentence.text;
  for (let i = 0; i < text.length; i++) {
    const depth = depthAt(text, i);
    if (depth === 0 && text.charAt(i) === ';') {
      const span = trimSpan(text.slice(from, i), sentence.start + from);
      if (span) spans.push(span);
      from = i + 1;
    }
  }
  const last = trimSpan(text.slice(from), sentence.start + from);
  if (last) spans.push(last);
  return spans;
}
