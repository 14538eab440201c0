import { startsBlock } from './line-patterns';
import { hasVowel, isAllCaps, startsWithLowercase } from './vietnamese-text';

/**
 * Joins lines that a hard wrap or a page break cut in the middle of a sentence, so that each
 * paragraph, bullet and heading ends up on one line. Paragraphs stay apart by a blank line.
 */

/** Words that cannot end a sentence: a line ending on one of them must go on. */
const connectors = new Set([
  'và', 'của', 'các', 'những', 'về', 'theo', 'với', 'cho', 'trong', 'tại', 'là', 'được', 'có',
  'đã', 'để', 'từ', 'đến', 'do', 'bởi', 'như', 'hoặc', 'nhưng', 'mà', 'thì', 'số', 'ngày', 'bị',
  'sẽ', 'đang', 'vào', 'trên', 'dưới', 'giữa', 'qua', 'khi', 'nếu', 'vì', 'nên', 'cũng', 'mỗi',
  'đối', 'nhất', 'gồm', 'thuộc', 'phải', 'cần', 'đồng', 'chí',
]);

/** All-caps words that continue a wrapped capital heading ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN / VÀ DOANH NGHIỆP"). */
const capitalConnectors = /^(VÀ|CỦA|VỀ|TRONG|VỚI|CHO|TẠI|THEO|ĐỐI VỚI|NHIỆM KỲ|GIAI ĐOẠN)(?![\p{L}])/u;

const endsSentence = /(?:[.!?…]|\.\/\.)["”’)»]*$/u;

function lastWord(line: string): string {
  return /([\p{L}]+)[^\p{L}]*$/u.exec(line)?.[1] ?? '';
}

function continues(previous: string, next: string): boolean {
  if (startsBlock(next)) return false;
  const previousCaps = isAllCaps(previous);
  if (startsWithLowercase(next)) {
    // "NGHỊ QUYẾT" followed by "về …": a title under a capital kind line, not a wrap.
    if (previousCaps) return false;
    return !endsSentence.test(previous) || /(?:v\.v\.|\.\.\.|…)$/u.test(previous);
  }
  if (previousCaps && isAllCaps(next)) {
    return /[,-]$/u.test(previous) || capitalConnectors.test(next);
  }
  // Capital lines are headings, titles and signature blocks; they never continue a sentence.
  if (previousCaps || isAllCaps(next)) return false;
  if (/[.!?…:;]["”’)»]*$/u.test(previous)) return false;
  if (/^\d/u.test(next)) return true;
  if (/,$/u.test(previous)) return true;
  if (/^[“"‘(«]/u.test(next)) return true;
  return connectors.has(lastWord(previous).toLocaleLowerCase('vi'));
}

/**
 * A page break sometimes leaves a shred of the cut line behind ("ban hành / ng nghị quyết").
 * A lowercase token of at most three letters with no vowel is no Vietnamese syllable.
 */
function dropShred(next: string): string {
  const shred = /^(\p{Ll}{1,3})\s+(?=\S)/u.exec(next);
  return shred?.[1] && !hasVowel(shred[1]) ? next.slice(shred[0].length) : next;
}

function joinLines(previous: string, next: string): string {
  return `${previous} ${dropShred(next)}`;
}

export function reflow(text: string): string {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) groups.push(current);

  // Hard wraps inside a group of lines.
  const wrapped = groups.map((group) => {
    const out: string[] = [];
    for (const line of group) {
      const last = out[out.length - 1];
      if (last !== undefined && continues(last, line)) out[out.length - 1] = joinLines(last, line);
      else out.push(line);
    }
    return out;
  });

  // Page breaks (and blank lines left by lifted footnotes) between groups.
  const merged: string[][] = [];
  for (const group of wrapped) {
    const previousGroup = merged[merged.length - 1];
    const last = previousGroup?.[previousGroup.length - 1];
    const first = group[0];
    if (previousGroup && last !== undefined && first !== undefined && continues(last, first)) {
      previousGroup[previousGroup.length - 1] = joinLines(last, first);
      previousGroup.push(...group.slice(1));
    } else {
      merged.push([...group]);
    }
  }
  return merged.map((group) => group.join('\n')).join('\n\n');
}
