/**
 * Small helpers about Vietnamese letters and letter case, shared by the pipeline steps.
 */

/** Lowercase, strip tone and vowel marks, đ → d: for matching keywords whatever the typing. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Every Vietnamese syllable has a vowel; a lowercase token without one is scan debris. */
export function hasVowel(token: string): boolean {
  return /[aeiouy]/.test(fold(token));
}

/** True when the text has letters and none of them is lowercase ("NGHỊ QUYẾT", "I. TÌNH HÌNH"). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function startsWithLowercase(text: string): boolean {
  const match = /^[\s"“‘'([«*]*(\p{L})/u.exec(text);
  return match?.[1] !== undefined && /\p{Ll}/u.test(match[1]);
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

const capitalisedWord = (word: string) =>
  word
    .split('-')
    .map((part) => capitalise(part))
    .join('-');

/**
 * Names of Party bodies as they are written in running text. All-caps headers lose this
 * information; these put it back for the common bodies (longest first). "chi bộ" stays
 * lowercase: in a title it is the generic word, and a letterhead capitalises its first word anyway.
 */
const institutionNames: readonly string[] = [
  'Đảng Cộng sản Việt Nam',
  'Ban Chấp hành Trung ương',
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Ban Bí thư',
  'Bộ Chính trị',
  'Ban Tổ chức',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Ban Nội chính',
  'Ủy ban Kiểm tra',
  'Văn phòng',
  'Đảng ủy Khối',
  'Đảng bộ Khối',
  'Đảng ủy',
  'Đảng bộ',
  'Đảng đoàn',
  'Ban cán sự đảng',
  'Trung ương',
  'Tỉnh ủy',
  'Huyện ủy',
  'Thành ủy',
  'Thị ủy',
  'Quận ủy',
  'Phó Bí thư',
  'Bí thư',
  'Thường trực',
  'Nhà nước',
];

const institutionPatterns = institutionNames.map(
  (name) =>
    [
      new RegExp(`(?<![\\p{L}])${escapeRegExp(name.toLocaleLowerCase('vi'))}(?![\\p{L}])`, 'gu'),
      name,
    ] as const,
);

/** After these words the rest of an all-caps header line is a place name ("TỈNH TRÀ VINH"). */
const placeIntroducer =
  /(?<![\p{L}])(?:tỉnh ủy|huyện ủy|thành ủy|thị ủy|quận ủy|tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s+/giu;

const notPlaceStart = /^(ủy|hội|khối|các|và|về|năm|trực|thuộc)(?![\p{L}])/iu;

/** Capitalises the place name that ends a header line, if there is one. */
function capitalisePlace(text: string): string {
  const starts = [...text.matchAll(placeIntroducer)].map((m) => m.index + m[0].length);
  for (const start of starts.reverse()) {
    const rest = text.slice(start);
    const words = rest.trim().split(/\s+/);
    if (words.length > 4 || notPlaceStart.test(rest) || !/^[\p{L}\s-]+$/u.test(rest)) continue;
    return text.slice(0, start) + words.map(capitalisedWord).join(' ');
  }
  return text;
}

/**
 * Turns an all-caps header ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP") into running-text
 * case ("Đảng ủy Khối các cơ quan và doanh nghiệp"). Text that is not all caps is returned as is.
 */
export function restoreCase(text: string, options: { sentenceStart?: boolean } = {}): string {
  if (!isAllCaps(text)) return text;
  let out = text.toLocaleLowerCase('vi');
  for (const [pattern, name] of institutionPatterns) out = out.replace(pattern, name);
  out = capitalisePlace(out);
  return options.sentenceStart === false ? out : capitalise(out);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
