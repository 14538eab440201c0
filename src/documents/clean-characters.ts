/**
 * Character-level clean-up of converted text: one Unicode form, one line ending, no
 * invisible characters, one bullet glyph. Nothing here changes words.
 */

/** Cells of a scanned two-column layout that belong to the header or the foot of a document. */
const layoutCell =
  /^(?:Số\b|V\/v\b|Nơi nhận|Kính gửi|T\/M\b|K\/T\b|TM\.|KT\.|TL\.|[\p{L} .]+,\s*ngày\b)|^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** Word-processor bullet glyphs (Symbol/Wingdings private-use points and friends). */
const bulletGlyphs = /^[\s]*(?:[\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf02d•●▪◦‣·∙○■□❖➢►]|[–—](?=\s))\s*/u;

export function cleanCharacters(input: string): string {
  const text = input
    // Different keyboards and converters produce decomposed (NFD) Vietnamese; compare as NFC.
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // A form feed is a page break: keep it as a paragraph gap so the reflow step can judge it.
    .replace(/[\f\u2028\u2029]/g, '\n\n')
    .replace(/[\ufeff\u200b-\u200d\u2060\u00ad]/g, '')
    .replace(/\t/g, '   ')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');

  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(bulletGlyphs, '- ').trim();
    // Scans of the two-column header ("ĐẢNG BỘ TỈNH …      ĐẢNG CỘNG SẢN VIỆT NAM") keep the
    // columns apart with wide gaps; split them so each cell is read on its own.
    const cells = line.split(/\s{3,}/);
    if (cells.length > 1 && cells.some((cell) => layoutCell.test(cell))) {
      for (const cell of cells) lines.push(cell.replace(/\s+/g, ' '));
    } else {
      lines.push(line.replace(/\s+/g, ' '));
    }
  }
  return lines.join('\n');
}
