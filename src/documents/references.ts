import {
  documentNumberSource,
  kindFromNumber,
  kindFromWord,
  kindWordSource,
  leadingIsoDate,
  tidyNumber,
} from './document-numbers';
import type { Reference } from './types';

/**
 * Other documents a text cites by number ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022",
 * "Kết luận 38-KL/TW", "Nghị định số 04/2015/NĐ-CP"): the edges of the reference graph.
 * Documents cited only by name ("Nghị quyết Trung ương 4 khóa XII") have no number to link.
 */

const numberPattern = new RegExp(documentNumberSource, 'gu');
const kindBefore = new RegExp(`(${kindWordSource})\\s+(?:số\\s*:?\\s*)?$`, 'iu');

/** Compare numbers regardless of spacing, dash style and letter case. */
function numberKey(number: string): string {
  return tidyNumber(number).toLocaleUpperCase('vi');
}

export function findReferences(texts: readonly string[], ownNumber: string | null): Reference[] {
  const own = ownNumber ? numberKey(ownNumber) : null;
  const byNumber = new Map<string, Reference>();
  for (const text of texts) {
    for (const m of text.matchAll(numberPattern)) {
      const number = tidyNumber(m[0]);
      const key = numberKey(number);
      if (key === own) continue;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const word = kindBefore.exec(before)?.[1];
      const kind = (word ? kindFromWord(word) : null) ?? kindFromNumber(number);
      const date = leadingIsoDate(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const known = byNumber.get(key);
      if (!known) {
        byNumber.set(key, { number, date, kind });
      } else {
        // Later citations may say what an earlier, shorter one left out.
        known.date ??= date;
        known.kind ??= kind;
      }
    }
  }
  return [...byNumber.values()];
}
