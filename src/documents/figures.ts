import { documentNumberSource, isoDate } from './document-numbers';
import type { Figure } from './types';

/**
 * Finds the figures a clause states: percentages, counts, ranges, ratios, deadlines and years.
 * Numbers that only name something (document numbers, dates of citations, "Trung ương 4",
 * "(1)", "Covid-19", terms like "2020 - 2025") are masked first so they never count as figures.
 * Vietnamese writes "3.412" for three thousand four hundred and twelve and "20,5" for 20.5.
 */

export interface LocatedFigure {
  figure: Figure;
  /** Offset in the clause. */
  index: number;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?`;
const LOWER = 'từ|trên|hơn|ít nhất|tối thiểu|không dưới|không ít hơn';
const UPPER = 'dưới|không quá|tối đa|không vượt quá|ít hơn';
const notLetter = String.raw`(?<![\p{L}\d])`;
/** Units that make a number a duration, an age or a frequency, not a count of things. */
const TIME_UNIT = String.raw`(?:giờ|phút|ngày|tuần|tháng|quý|năm|tuổi|lần|kỳ|nhiệm kỳ|khóa|khoá)(?![\p{L}])`;

export function parseVietnameseNumber(raw: string): number {
  const compact = raw.replace(/\s/g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  return Number(compact.replace(',', '.'));
}

const quarterNumbers: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

interface Pattern {
  regex: RegExp;
  make: (m: RegExpExecArray) => Figure | null;
}

// "tính đến ngày …" dates a figure (as of), it sets no deadline.
const deadlineWord = String.raw`(?:hoàn thành\s+)?(?:trước|chậm nhất(?:\s+là)?|hạn chót|đến hết|(?<!tính\s)đến|trong)`;
const timeLabel = String.raw`thời\s+(?:gian|hạn)(?:\s+(?:hoàn thành|thực hiện|nộp|gửi|báo cáo))?\s*:\s*(?:${deadlineWord}\s+)?`;

const deadlinePatterns: Pattern[] = [
  {
    // "trước ngày 30/6/2024", "Thời gian hoàn thành: 30/6/2024"
    regex: new RegExp(
      `${notLetter}(?:${timeLabel}|${deadlineWord}\\s+)(?:ngày\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`,
      'giu',
    ),
    make: (m) => {
      const date = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      return date ? { kind: 'deadline', raw: m[0], value: Number(m[3]), date } : null;
    },
  },
  {
    // "trong tháng 6/2024", "trước tháng 6 năm 2024"
    regex: new RegExp(
      `${notLetter}(?:${timeLabel}|${deadlineWord}\\s+)tháng\\s+(\\d{1,2})\\s*(?:[/.-]\\s*|\\s+năm\\s+)(\\d{4})`,
      'giu',
    ),
    make: (m) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return null;
      return { kind: 'deadline', raw: m[0], value: Number(m[2]), date: `${m[2]}-${String(month).padStart(2, '0')}` };
    },
  },
  {
    // "Quý III/2024", "trong quý II năm 2024"
    regex: new RegExp(
      `${notLetter}(?:${timeLabel}|${deadlineWord}\\s+)?quý\\s+(I{1,3}|IV|[1-4])\\s*(?:[/.-]\\s*|\\s+năm\\s+)(\\d{4})`,
      'giu',
    ),
    make: (m) => {
      const quarter = quarterNumbers[m[1]?.toUpperCase() ?? ''] ?? Number(m[1]);
      return quarter >= 1 && quarter <= 4 ? { kind: 'deadline', raw: m[0], value: Number(m[2]) } : null;
    },
  },
  {
    // "đến năm 2025", "trước năm 2030", "Thời gian: năm 2025"
    regex: new RegExp(
      `${notLetter}(?:${timeLabel}|(?:đến hết|đến|trước|chậm nhất|hết)\\s+)năm\\s+((?:19|20)\\d{2})(?!\\d)`,
      'giu',
    ),
    make: (m) => ({ kind: 'deadline', raw: m[0], value: Number(m[1]) }),
  },
];

/** Numbers that name things rather than state a quantity. */
const namingNumbers: RegExp[] = [
  new RegExp(documentNumberSource, 'gu'),
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/gu,
  /(?:ngày|tháng)\s+\d{1,2}(?:\s*[/.-]\s*\d{1,4})*/giu,
  /(?<![\p{L}])(?:Trung ương|Hội nghị|lần thứ|thứ|khóa|khoá|Ban Chỉ đạo|Chỉ thị|Nghị quyết|Kết luận|Quy định|Hướng dẫn|Điều|khoản|điểm|mục|Chương|Phần|Đại hội|Kế hoạch|Chuyên đề|Covid|COVID|số)\s*-?\s*\d+/giu,
  /[\p{L}]+-\d+|\d+-[\p{L}]+/gu,
  /\(\s*\d{1,2}\s*\)/gu,
  /(?<!\d)(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?!\d)/gu,
  /^\s*\d{1,2}[.)](?=\s)/gu,
];

const percentRange = new RegExp(
  `${notLetter}(?:từ\\s+)?(${NUM})\\s*%?\\s*(?:[-–]|đến)\\s*(${NUM})\\s*%`,
  'giu',
);
const countRange = new RegExp(
  `${notLetter}(?:từ\\s+)?(${NUM})\\s*(?:[-–]|đến)\\s*(${NUM})(?=\\s+(?!${TIME_UNIT})\\p{L})`,
  'giu',
);
const percent = new RegExp(
  `${notLetter}(?:(${LOWER}|${UPPER})\\s+)?(${NUM})\\s*%(?:\\s*(trở lên|trở xuống))?`,
  'giu',
);
const ratio = new RegExp(`${notLetter}(${NUM})\\s*\\/\\s*(${NUM})(?![\\d/])`, 'gu');
const count = new RegExp(
  `${notLetter}(?:(${LOWER}|${UPPER})\\s+)?(${NUM})(?=\\s+(?!${TIME_UNIT})[\\p{L}“"])`,
  'giu',
);
const year = /(?<![\p{L}])(?:(?:trong|cả|hết)\s+năm|^Năm)\s+((?:19|20)\d{2})(?!\d)/gu;
const bareYear = /(?<![\d.,])(?:19|20)\d{2}(?![\d.,%])/gu;

const lowerWord = new RegExp(`^(?:${LOWER})$`, 'u');
const upperWord = new RegExp(`^(?:${UPPER})$`, 'u');

function bounds(qualifier: string | undefined, suffix: string | undefined, value: number): Pick<Figure, 'min' | 'max'> {
  const q = qualifier?.toLocaleLowerCase('vi') ?? '';
  if (suffix === 'trở lên' || lowerWord.test(q)) return { min: value };
  if (suffix === 'trở xuống' || upperWord.test(q)) return { max: value };
  return {};
}

/** "trở lên" a few words after a count: "kết nạp từ 300 đảng viên trở lên". */
function laterLowerBound(text: string, from: number): boolean {
  return /^[^\d;,.]{0,40}?trở lên/u.test(text.slice(from));
}

export function findFigures(clause: string): LocatedFigure[] {
  const found: LocatedFigure[] = [];
  if (!/\d/u.test(clause)) return found;
  let masked = clause;
  const mask = (index: number, length: number) => {
    masked = masked.slice(0, index) + '#'.repeat(length) + masked.slice(index + length);
  };
  const take = (regex: RegExp, make: (m: RegExpExecArray) => Figure | null) => {
    regex.lastIndex = 0;
    for (const m of [...masked.matchAll(regex)]) {
      const figure = make(m as RegExpExecArray);
      if (!figure) continue;
      // Report the figure as printed in the clause, not in the masked copy.
      figure.raw = clause
        .slice(m.index, m.index + m[0].length)
        .trim()
        .replace(/^thời\s+(?:gian|hạn)[^:]*:\s*/iu, '');
      found.push({ figure, index: m.index });
      mask(m.index, m[0].length);
    }
  };

  for (const pattern of deadlinePatterns) take(pattern.regex, pattern.make);
  take(year, (m) => ({ kind: 'year', raw: m[0], value: Number(m[1]) }));
  for (const naming of namingNumbers) {
    for (const m of [...masked.matchAll(naming)]) mask(m.index, m[0].length);
  }

  take(percentRange, (m) => {
    const min = parseVietnameseNumber(m[1] ?? '');
    const max = parseVietnameseNumber(m[2] ?? '');
    return min < max ? { kind: 'range', raw: m[0], min, max, unit: '%' } : null;
  });
  take(countRange, (m) => {
    const min = parseVietnameseNumber(m[1] ?? '');
    const max = parseVietnameseNumber(m[2] ?? '');
    return min < max ? { kind: 'range', raw: m[0], min, max } : null;
  });
  take(percent, (m) => {
    const value = parseVietnameseNumber(m[2] ?? '');
    return { kind: 'percent', raw: m[0], value, unit: '%', ...bounds(m[1], m[3], value) };
  });
  take(ratio, (m) => {
    const numerator = parseVietnameseNumber(m[1] ?? '');
    const denominator = parseVietnameseNumber(m[2] ?? '');
    return denominator > 0 ? { kind: 'ratio', raw: m[0], value: numerator / denominator } : null;
  });
  // Bare years left over ("năm 2022" in "Nghị quyết năm 2022") are dates, not counts.
  for (const m of [...masked.matchAll(bareYear)]) mask(m.index, m[0].length);
  take(count, (m) => {
    const value = parseVietnameseNumber(m[2] ?? '');
    const extra = !m[1] && laterLowerBound(masked, m.index + m[0].length) ? { min: value } : {};
    return { kind: 'count', raw: m[0], value, ...bounds(m[1], undefined, value), ...extra };
  });

  return found.sort((a, b) => a.index - b.index);
}

/** Figures that make a clause measurable; a bare year only dates it. */
export function isMeasurable(figure: Figure): boolean {
  return figure.kind !== 'year';
}
