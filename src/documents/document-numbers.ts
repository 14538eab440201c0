import type { DocumentKind } from './types';
import { fold } from './vietnamese-text';

/**
 * Document numbers, kinds and dates as Party and State documents print them. Shared by the
 * header reader (the document's own number) and the reference finder (numbers it cites).
 */

/** Party style: NUMBER-KIND/ISSUER, e.g. "02-NQ/ĐUK", "12-HD/BTCTW", "08-QĐi/TW", "15-CTr/TU". */
const partyNumber = String.raw`\d{1,5}\s?[-–]\s?\p{Lu}[\p{L}]{0,4}\/\p{Lu}[\p{L}\d]*(?:-\p{Lu}[\p{L}\d]*)*`;
/** State style with a year: "04/2015/NĐ-CP", "149/2018/NĐ", "59/2020/QH14". */
const stateNumberWithYear = String.raw`\d{1,5}\/(?:19|20)\d{2}\/\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{L}\d]*)*`;
/** State style without a year: "1234/QĐ-UBND", "456/KH-UBND". */
const stateNumber = String.raw`\d{1,5}\/\p{Lu}[\p{L}]{0,4}-\p{Lu}[\p{L}\d]*(?:-\p{Lu}[\p{L}\d]*)*`;

export const documentNumberSource = `(?:${partyNumber}|${stateNumberWithYear}|${stateNumber})`;

/** Removes the spaces scans put around the dash ("02 - NQ/ĐUK") and unifies dashes. */
export function tidyNumber(number: string): string {
  return number.replace(/\s*[-–]\s*/g, '-').replace(/\s*\/\s*/g, '/');
}

/** Kind words that stand before a cited number, as a case-insensitive source, longest first. */
const kindWords: readonly [string, string][] = [
  ['chương trình hành động', 'chuong_trinh_hanh_dong'],
  ['chương trình', 'chuong_trinh_hanh_dong'],
  ['nghị quyết', 'nghi_quyet'],
  ['kết luận', 'ket_luan'],
  ['chỉ thị', 'chi_thi'],
  ['quy định', 'quy_dinh'],
  ['quyết định', 'quyet_dinh'],
  ['hướng dẫn', 'huong_dan'],
  ['kế hoạch', 'ke_hoach'],
  ['thông báo', 'thong_bao'],
  ['báo cáo', 'bao_cao'],
  ['đề án', 'de_an'],
  ['công văn', 'cong_van'],
  ['nghị định', 'nghi_dinh'],
  ['thông tư', 'thong_tu'],
  ['thông tri', 'thong_tri'],
  ['tờ trình', 'to_trinh'],
  ['luật', 'luat'],
];

export const kindWordSource = kindWords.map(([word]) => word).join('|');

export function kindFromWord(word: string): string | null {
  const key = word.toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  return kindWords.find(([w]) => w === key)?.[1] ?? null;
}

/**
 * Kind from the code inside a number. "QĐ" is left open: Party rules (Quy định) and decisions
 * (Quyết định) both used it, so only the word in front of the number can tell.
 */
const kindCodes: Record<string, string> = {
  nq: 'nghi_quyet',
  kl: 'ket_luan',
  ct: 'chi_thi',
  ctr: 'chuong_trinh_hanh_dong',
  hd: 'huong_dan',
  kh: 'ke_hoach',
  bc: 'bao_cao',
  qdi: 'quy_dinh',
  da: 'de_an',
  tb: 'thong_bao',
  cv: 'cong_van',
  ttr: 'to_trinh',
  nd: 'nghi_dinh',
  tt: 'thong_tu',
  qh: 'luat',
};

export function kindFromNumber(number: string): string | null {
  const party = /^\d+-(\p{L}+)\//u.exec(number);
  const state = /^\d+\/(?:\d{4}\/)?(\p{L}+)/u.exec(number);
  const code = party?.[1] ?? state?.[1];
  if (!code) return null;
  return kindCodes[fold(code)] ?? null;
}

const documentKindOf: Record<string, DocumentKind> = {
  nghi_quyet: 'nghi_quyet',
  ke_hoach: 'ke_hoach',
  bao_cao: 'bao_cao',
  ket_luan: 'ket_luan',
  chi_thi: 'chi_thi',
  quy_dinh: 'quy_dinh',
  huong_dan: 'huong_dan',
  chuong_trinh_hanh_dong: 'chuong_trinh_hanh_dong',
  cong_van: 'cong_van',
};

/** Narrows a reference kind to the kinds this product files documents under. */
export function toDocumentKind(kind: string | null): DocumentKind {
  return (kind && documentKindOf[kind]) || 'khac';
}

/** "16/6/2022", "16-6-2022", "16.6.2022" → "2022-06-16" (null when not a real date). */
export function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!(y >= 1930 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "ngày 04 tháng 01 năm 2023" or "ngày 04/01/2023", right at the start of the text. */
const leadingDate =
  /^\s*,?\s*(?:ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s*năm\s+(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))|\((?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\))/u;

export function leadingIsoDate(text: string): string | null {
  const m = leadingDate.exec(text);
  if (!m) return null;
  if (m[1] && m[2] && m[3]) return isoDate(m[1], m[2], m[3]);
  if (m[1] && m[4] && m[5]) return isoDate(m[1], m[4], m[5]);
  if (m[6] && m[7] && m[8]) return isoDate(m[6], m[7], m[8]);
  return null;
}
