/**
 * Repairs for recognition slips that scans of Party documents make again and again. Each
 * rule only fires where the misread form is not a Vietnamese phrase of its own, so a correct
 * text passes through unchanged.
 */

const notLetter = '(?<![\\p{L}])';
const end = '(?![\\p{L}])';

const fixes: readonly { pattern: RegExp; replace: string | ((match: string, ...groups: string[]) => string) }[] = [
  {
    // "Phấn đấu" (strive) loses its accents to "Phần đầu" (the first part). As a noun phrase
    // "phần đầu" is followed by "của", "tiên", "bài" …; before a figure, a verb or a time
    // phrase it can only be the call to strive that opens a target.
    pattern: new RegExp(
      `${notLetter}([Pp])hần đầu(?=\\s+(?:\\d|bình quân|đến|đạt|có|không|kết nạp|hoàn thành|hằng|hàng|trên|từ|xây dựng|duy trì|thực hiện|tăng|giảm|giữ|trở thành|mỗi|tất cả|toàn|100%))`,
      'gu',
    ),
    replace: (_m, p: string) => `${p === 'P' ? 'P' : 'p'}hấn đấu`,
  },
  // "nể nang" (sparing others out of deference) read as "né nang", which means nothing.
  { pattern: new RegExp(`${notLetter}([Nn])é nang${end}`, 'gu'), replace: '$1ể nang' },
  // "Đẩy mạnh" (step up) read as "Đây mạnh" ("here strong") at the start of a sentence or clause.
  {
    pattern: /(^|[.;:!?]\s+|^[-+]\s*)Đây mạnh(?![\p{L}])/gmu,
    replace: '$1Đẩy mạnh',
  },
  {
    pattern: /((?:tiếp tục|cần|phải|và|[,;])\s+)đây mạnh(?![\p{L}])/gu,
    replace: '$1đẩy mạnh',
  },
  // The acronym of "tổ chức cơ sở đảng" with Đ read as D.
  { pattern: /(?<![\p{L}])TCCSD(?![\p{L}])/gu, replace: 'TCCSĐ' },
  // "chuyển sinh hoạt đảng" (transfer of membership) read without its hook.
  { pattern: new RegExp(`${notLetter}([Cc])huyên sinh hoạt${end}`, 'gu'), replace: '$1huyển sinh hoạt' },
  // "chi ủy" (branch committee) read as "chỉ ủy"; "chỉ ủy quyền" (only authorises) is real.
  { pattern: new RegExp(`${notLetter}([Cc])hỉ ủy(?!\\s+quyền)${end}`, 'gu'), replace: '$1hi ủy' },
  // "nhận diện" (identify) read as "nhân diện".
  { pattern: new RegExp(`${notLetter}([Nn])hân diện${end}`, 'gu'), replace: '$1hận diện' },
  // "lề lối làm việc" (working style) read as "lễ lối".
  { pattern: new RegExp(`${notLetter}([Ll])ễ lối${end}`, 'gu'), replace: '$1ề lối' },
];

export function fixOcrSlips(text: string): string {
  let out = text;
  for (const fix of fixes) {
    out =
      typeof fix.replace === 'string'
        ? out.replace(fix.pattern, fix.replace)
        : out.replace(fix.pattern, fix.replace as (substring: string, ...args: string[]) => string);
  }
  return out;
}
