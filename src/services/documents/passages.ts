import { foldText } from '../../text/fold';

const maxPassageChars = 600;

/**
 * Splits a section's text into passages for search: one per paragraph or
 * bullet, long paragraphs cut at sentence ends so a hit points at a readable piece.
 */
export function splitPassages(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/).map((p) => p.trim()).filter(Boolean)) {
    if (paragraph.length <= maxPassageChars) {
      out.push(paragraph);
      continue;
    }
    let current = '';
    for (const sentence of paragraph.split(/(?<=[.;!?])\s+/)) {
      if (current && current.length + sentence.length + 1 > maxPassageChars) {
        out.push(current);
        current = sentence;
      } else current = current ? `${current} ${sentence}` : sentence;
    }
    if (current) out.push(current);
  }
  return out;
}

/** The FTS5 query for user words: each folded word quoted (no FTS syntax gets through), all required. */
export function ftsQuery(words: string, joiner: ' ' | ' OR ' = ' '): string | null {
  const tokens = foldText(words)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .slice(0, 12);
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"`).join(joiner);
}
