/**
 * Distractors for a target's figure: the printed figure with its numbers moved to neighbouring
 * values, every other word kept ("90% trở lên" → "85% trở lên", "từ 15% đến 20%" → "từ 10% đến
 * 15%", "từ 140 - 150" → "từ 110 - 120", "năm 2025" → "năm 2024").
 */
import type { Figure } from '../../../documents/types';
import { seededPick } from './seeded';
import { foldText } from './text';

export type DraftFigureKind = 'percent' | 'count' | 'range' | 'year';

/** A number as printed: where it stands in the raw figure and how it is written. */
interface PrintedNumber {
  start: number;
  end: number;
  value: number;
  /** Width when printed with leading zeros ("03"), else 0. */
  pad: number;
  /** Digits after the decimal comma ("7,75" → 2). */
  decimals: number;
  /** Thousands grouped with dots ("3.412"). */
  grouped: boolean;
}

const numberToken = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/gu;

function readNumbers(raw: string): PrintedNumber[] {
  const out: PrintedNumber[] = [];
  for (const m of raw.matchAll(numberToken)) {
    const text = m[0];
    const start = m.index ?? 0;
    // A digit glued to a letter ("F0", "COVID-19") is no figure of ours.
    if (/[\p{L}]/u.test(raw.charAt(start - 1)) || /[\p{L}\d]/u.test(raw.charAt(start + text.length))) return [];
    const grouped = /\.\d{3}/u.test(text);
    const [whole = '', fraction = ''] = text.replace(/\./gu, '').split(',');
    out.push({
      start,
      end: start + text.length,
      value: Number(`${whole}.${fraction || '0'}`),
      pad: whole.length > 1 && whole.startsWith('0') ? whole.length : 0,
      decimals: fraction.length,
      grouped,
    });
  }
  return out;
}

function formatLike(value: number, like: PrintedNumber): string {
  const fixed = value.toFixed(like.decimals);
  const [whole = '', fraction] = fixed.split('.');
  let digits = like.grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/gu, '.') : whole;
  if (like.pad > 0) digits = digits.padStart(like.pad, '0');
  return fraction ? `${digits},${fraction}` : digits;
}

function replaceNumbers(raw: string, numbers: readonly PrintedNumber[], values: readonly number[]): string {
  let out = '';
  let at = 0;
  numbers.forEach((n, i) => {
    out += raw.slice(at, n.start) + formatLike(values[i] ?? n.value, n);
    at = n.end;
  });
  return out + raw.slice(at);
}

/** Which figures can be asked about, and as which shape. */
export function draftFigureKind(figure: Figure): DraftFigureKind | null {
  const numbers = readNumbers(figure.raw);
  switch (figure.kind) {
    case 'percent':
      return figure.raw.includes('%') && numbers.length === 1 ? 'percent' : null;
    case 'count':
      return numbers.length === 1 ? 'count' : null;
    case 'range':
      return numbers.length === 2 && (numbers[0]?.value ?? 0) < (numbers[1]?.value ?? 0) ? 'range' : null;
    case 'year':
    case 'deadline': {
      // Only a bare year ("năm 2025", "đến năm 2025"): a dated deadline is another shape.
      const [only] = numbers;
      return numbers.length === 1 && only && only.end - only.start === 4 && only.value >= 1900 && only.value <= 2100
        ? 'year'
        : null;
    }
    default:
      return null;
  }
}

const percentPatterns: readonly (readonly number[])[] = [
  [-10, -5, 5],
  [-10, -5, 10],
  [-10, 5, 10],
  [-5, 5, 10],
  [-15, -10, -5],
  [5, 10, 15],
];
const countFactors: readonly (readonly number[])[] = [
  [-0.2, -0.1, 0.1],
  [-0.2, -0.1, 0.2],
  [-0.2, 0.1, 0.2],
  [-0.1, 0.1, 0.2],
  [-0.3, -0.2, -0.1],
  [0.1, 0.2, 0.3],
];
const stepPatterns: readonly (readonly number[])[] = [
  [-2, -1, 1],
  [-2, -1, 2],
  [-2, 1, 2],
  [-1, 1, 2],
  [-3, -2, -1],
  [1, 2, 3],
];
const yearPatterns: readonly (readonly number[])[] = [
  [-2, -1, 1],
  [-2, -1, 2],
  [-2, 1, 2],
  [-1, 1, 2],
];

/** Rounding step for counts: two significant digits (300 → 10, 3.412 → 100, 5 → 1). */
function countStep(value: number): number {
  const digits = Math.floor(Math.log10(Math.max(1, Math.abs(value)))) + 1;
  return 10 ** Math.max(0, digits - 2);
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export interface FigureDistractorInput {
  raw: string;
  kind: DraftFigureKind;
  /** Seed text: the same figure in the same sentence always gets the same distractors. */
  seed: string;
  /** Options that must not be offered (say, another figure printed in the same sentence). */
  avoid?: (option: string) => boolean;
}

/**
 * Three distractors of the same shape as the printed figure, all different from it and from one
 * another; null when the figure cannot be varied safely.
 */
export function figureDistractors(input: FigureDistractorInput): string[] | null {
  const { raw, kind } = input;
  const numbers = readNumbers(raw);
  const folded = foldText(raw);
  // "90% trở lên", "trên 90%", "từ 80%", "ít nhất 01": a floor; 100% as a floor reads as nonsense.
  const floor = /\b(tro len|tren|tu|it nhat|toi thieu)\b/u.test(folded) && kind !== 'range';
  const ceiling = /\b(duoi|khong qua|toi da)\b/u.test(folded);

  const first = numbers[0];
  if (!first) return null;
  const isPercent = raw.includes('%');

  // Offsets added to every number of the figure; the first list is preferred, the second is a
  // fallback (small counts, where ±10–30% rounds back to the printed value).
  const preferred: number[][] = [];
  const fallback: number[][] = [];
  if (kind === 'year') {
    for (const pattern of yearPatterns) preferred.push([...pattern]);
  } else if (isPercent) {
    for (const pattern of percentPatterns) preferred.push([...pattern]);
  } else {
    const step = countStep(first.value);
    for (const factors of countFactors) preferred.push(factors.map((f) => roundTo(first.value * f, step)));
    for (const pattern of stepPatterns) fallback.push(pattern.map((k) => k * step));
  }

  const answer = raw;
  const valid = (offsets: number[]): string[] | null => {
    const options: string[] = [];
    for (const offset of offsets) {
      if (offset === 0) return null;
      const values = numbers.map((n) => n.value + offset);
      for (const v of values) {
        if (v < 0) return null;
        if (isPercent) {
          if (v > 100) return null;
          // "từ 0% trở lên", "100% trở lên" and "từ 0% đến 5%" read as nonsense.
          if (floor && v >= 100) return null;
          if ((floor || kind === 'range') && v <= 0) return null;
          if (ceiling && v <= 0) return null;
        }
        if (!isPercent && kind !== 'year') {
          // Counts of things start at one when the printed figure does.
          if (first.value >= 1 && v < 1) return null;
        }
      }
      const option = replaceNumbers(raw, numbers, values);
      if (option === answer || options.includes(option)) return null;
      if (input.avoid?.(option)) return null;
      options.push(option);
    }
    return options;
  };

  const usable = (lists: number[][]) => lists.map(valid).filter((o): o is string[] => o !== null);
  const firstChoice = usable(preferred);
  const pool = firstChoice.length > 0 ? firstChoice : usable(fallback);
  return seededPick(pool, input.seed) ?? null;
}
