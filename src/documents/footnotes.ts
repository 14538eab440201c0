/**
 * Footnotes in converted scans sit wherever the page ended, often between the two halves of
 * a sentence. They are lifted out of the flow here (so the halves can be joined again) and
 * kept with their markers.
 */

export interface RawFootnote {
  marker: string;
  text: string;
}

const superscriptDigits: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

export function superscriptToDigits(run: string): string {
  return [...run].map((c) => superscriptDigits[c] ?? c).join('');
}

export function digitsToSuperscript(digits: string): string {
  const back = Object.fromEntries(Object.entries(superscriptDigits).map(([k, v]) => [v, k]));
  return [...digits].map((d) => back[d] ?? d).join('');
}

const superscriptDefinition = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/u;
const bracketDefinition = /^\[\^?(\d{1,3})\]:?\s+(\S.*)$/u;

/** Markers as they appear in running text: "mới¹", "mới[1]", "mới[^1]". */
export function markerForms(marker: string): string[] {
  return [digitsToSuperscript(marker), `[${marker}]`, `[^${marker}]`];
}

export function extractFootnotes(text: string): { text: string; footnotes: RawFootnote[] } {
  const lines = text.split('\n');
  const kept: string[] = [];
  const footnotes: RawFootnote[] = [];
  let open: RawFootnote | null = null;

  for (const line of lines) {
    const definition = matchDefinition(line, text);
    if (definition) {
      open = definition;
      footnotes.push(definition);
      continue;
    }
    // A footnote wraps onto the next line only while its sentence is unfinished; once it
    // ends with a full stop, the next line is the body resuming after the page break.
    if (open && line.trim() !== '' && !/[.!?…]["”’)]?$/u.test(open.text)) {
      open.text = `${open.text} ${line.trim()}`;
      continue;
    }
    open = null;
    kept.push(line);
  }
  return { text: kept.join('\n'), footnotes };
}

function matchDefinition(line: string, whole: string): RawFootnote | null {
  const sup = superscriptDefinition.exec(line);
  if (sup?.[1] && sup[2]) return { marker: superscriptToDigits(sup[1]), text: sup[2].trim() };
  const bracket = bracketDefinition.exec(line);
  if (bracket?.[1] && bracket[2]) {
    // "[1] …" also starts lists of sources; it is a footnote only if the text cites it.
    const cited = new RegExp(`\\S ?\\[\\^?${bracket[1]}\\]`, 'u').test(whole);
    if (cited) return { marker: bracket[1], text: bracket[2].trim() };
  }
  return null;
}
