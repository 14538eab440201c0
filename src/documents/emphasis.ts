/**
 * Removes the Markdown emphasis that converters leave around bold and italic runs
 * ("**NGHỊ QUYẾT**", "“*Dân vận khéo*”"). The words stay; only the markers go.
 */

const letter = /\p{L}/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;

export function stripEmphasis(text: string): string {
  const withoutBold = text.replace(/\*\*+/g, (marker, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + marker.length);
    if (!letter.test(before) || !letter.test(after)) return '';
    // "NGHỊ QUYẾT**về …**": the converter dropped the line break between the capitalised kind
    // line and the lowercase title that follows it. Anywhere else a space was dropped.
    const wordBefore = /[\p{L}]+$/u.exec(whole.slice(Math.max(0, offset - 30), offset))?.[0] ?? '';
    if (wordBefore.length >= 2 && !lower.test(wordBefore) && upper.test(before) && lower.test(after)) {
      return '\n';
    }
    return ' ';
  });

  // Italic runs: a star that opens before a word and one that closes after it. "(*)" notes
  // and stars inside words are left alone. A run may cross a page break, hence the span.
  const withoutItalic = withoutBold.replace(
    /(?<![\p{L}\d*])\*(?=[\p{L}\d“"‘'(])([^*]{0,800}?[\p{L}\d.,;:!?”"’')…])\*(?![\p{L}\d*])/gu,
    '$1',
  );

  // A lone star or a rule on its own line is decoration from the letterhead.
  return withoutItalic.replace(/^[ \t]*(?:\*+|[-_=]{3,}|\*(?:\s*\*)+)[ \t]*$/gm, '');
}
