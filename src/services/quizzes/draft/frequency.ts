/**
 * Meeting frequencies as documents print them, and their neighbours as distractors:
 * "một tháng một lần", "ít nhất sáu tháng một lần", "2 lần/năm", "1 tháng/1 lần",
 * "2 lần/1 tháng", "mỗi quý một lần", "hằng tháng".
 */
import { seededPick } from './seeded';
import { numberWords, type PeriodUnit, unitWords } from './templates-vi';

/** How the frequency is worded; distractors keep the same wording. */
export type FrequencyStyle =
  | 'period_once' // "sáu tháng một lần"
  | 'each' // "mỗi quý một lần"
  | 'times_per' // "2 lần/năm", "2 lần/1 tháng"
  | 'period_per_times' // "1 tháng/1 lần"
  | 'every'; // "hằng tháng", "hàng quý"

interface Slot {
  start: number;
  end: number;
}

interface NumberSlot extends Slot {
  words: boolean;
}

export interface Frequency {
  style: FrequencyStyle;
  /** Offsets in the line the frequency was read from. */
  start: number;
  end: number;
  printed: string;
  times: number;
  period: number;
  unit: PeriodUnit;
  /** "ít nhất" / "tối thiểu" stands right before it; start/end exclude it. */
  atLeast: boolean;
  /** Start of the qualifier when there is one, else start. */
  qualifierStart: number;
  // Where the numbers and the unit stand inside printed, to reword them.
  periodSlot: NumberSlot | null;
  timesSlot: NumberSlot | null;
  unitSlot: Slot;
}

const numberSource = '(\\d{1,2}|mười hai|một|hai|ba|bốn|sáu)';
const unitSource = '(tuần|tháng|quý|năm)';
const before = '(?<![\\p{L}\\d])';
const after = '(?![\\p{L}\\d])';

const patterns: readonly { style: FrequencyStyle; regex: RegExp }[] = [
  { style: 'times_per', regex: new RegExp(`${before}${numberSource}\\s+lần\\s*\\/\\s*(?:${numberSource}\\s*)?${unitSource}${after}`, 'giud') },
  { style: 'period_per_times', regex: new RegExp(`${before}${numberSource}\\s+${unitSource}\\s*\\/\\s*${numberSource}\\s+lần${after}`, 'giud') },
  { style: 'each', regex: new RegExp(`${before}mỗi\\s+${unitSource}\\s+(?:một|1)\\s+lần${after}`, 'giud') },
  { style: 'period_once', regex: new RegExp(`${before}${numberSource}\\s+${unitSource}\\s+(?:một|1)\\s+lần${after}`, 'giud') },
  { style: 'every', regex: new RegExp(`${before}(?:hằng|hàng)\\s+${unitSource}${after}`, 'giud') },
];

const unitByWord: Readonly<Record<string, PeriodUnit>> = { tuần: 'week', tháng: 'month', quý: 'quarter', năm: 'year' };
const valueByWord: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(numberWords).map(([value, word]) => [word, Number(value)]),
);

function numberValue(text: string): number | null {
  const lower = text.toLocaleLowerCase('vi');
  if (/^\d+$/u.test(lower)) return Number(lower);
  return valueByWord[lower] ?? null;
}

const monthsIn: Readonly<Record<PeriodUnit, number>> = { week: 12 / 52, month: 1, quarter: 3, year: 12 };

/** Meetings per month: equal rates are the same frequency however worded. */
export function rate(f: { times: number; period: number; unit: PeriodUnit }): number {
  return f.times / (f.period * monthsIn[f.unit]);
}

function slotOf(indices: [number, number] | undefined, base: number): Slot | null {
  return indices ? { start: indices[0] - base, end: indices[1] - base } : null;
}

/** Every frequency in a line; overlapping readings keep the first (more specific) pattern. */
export function findFrequencies(line: string): Frequency[] {
  const found: Frequency[] = [];
  for (const { style, regex } of patterns) {
    for (const m of line.matchAll(regex)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const idx = m.indices ?? [];
      const base = start;
      let times = 1;
      let period = 1;
      let periodSlot: NumberSlot | null = null;
      let timesSlot: NumberSlot | null = null;
      let unitText = '';
      let unitSlot: Slot | null = null;
      const numberSlot = (group: number): NumberSlot | null => {
        const slot = slotOf(idx[group], base);
        const text = m[group];
        return slot && text ? { ...slot, words: !/^\d/u.test(text) } : null;
      };
      if (style === 'times_per') {
        times = numberValue(m[1] ?? '') ?? Number.NaN;
        timesSlot = numberSlot(1);
        if (m[2]) {
          period = numberValue(m[2]) ?? Number.NaN;
          periodSlot = numberSlot(2);
        }
        unitText = m[3] ?? '';
        unitSlot = slotOf(idx[3], base);
      } else if (style === 'period_per_times') {
        period = numberValue(m[1] ?? '') ?? Number.NaN;
        periodSlot = numberSlot(1);
        unitText = m[2] ?? '';
        unitSlot = slotOf(idx[2], base);
        times = numberValue(m[3] ?? '') ?? Number.NaN;
        timesSlot = numberSlot(3);
      } else if (style === 'period_once') {
        period = numberValue(m[1] ?? '') ?? Number.NaN;
        periodSlot = numberSlot(1);
        unitText = m[2] ?? '';
        unitSlot = slotOf(idx[2], base);
      } else {
        unitText = m[1] ?? '';
        unitSlot = slotOf(idx[1], base);
      }
      const unit = unitByWord[unitText.toLocaleLowerCase('vi')];
      if (!unit || !unitSlot || !(times > 0) || !(period > 0)) continue;
      const qualifier = /(?:^|[^\p{L}])(ít nhất|tối thiểu)\s+$/iu.exec(line.slice(Math.max(0, start - 20), start));
      const qualifierStart = qualifier?.[1] ? start - (qualifier[0].length - qualifier[0].indexOf(qualifier[1])) : start;
      found.push({
        style,
        start,
        end,
        printed: m[0],
        times,
        period,
        unit,
        atLeast: qualifier !== null,
        qualifierStart,
        periodSlot,
        timesSlot,
        unitSlot,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

interface Reading {
  times: number;
  period: number;
  unit: PeriodUnit;
}

function renderNumber(value: number, slot: NumberSlot, original: string): string {
  const word = numberWords[value];
  const text = slot.words && word ? word : String(value).padStart(/^0\d/u.test(original) ? original.length : 0, '0');
  // Keep a capital that opened the sentence ("Sáu tháng …").
  return /^\p{Lu}/u.test(original) ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/** The printed frequency reworded to another reading, keeping every other character. */
function render(f: Frequency, reading: Reading): string {
  const edits: { slot: Slot; text: string }[] = [];
  const original = (slot: Slot) => f.printed.slice(slot.start, slot.end);
  if (f.periodSlot) edits.push({ slot: f.periodSlot, text: renderNumber(reading.period, f.periodSlot, original(f.periodSlot)) });
  if (f.timesSlot) edits.push({ slot: f.timesSlot, text: renderNumber(reading.times, f.timesSlot, original(f.timesSlot)) });
  edits.push({ slot: f.unitSlot, text: unitWords[reading.unit] });
  edits.sort((a, b) => a.slot.start - b.slot.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += f.printed.slice(at, edit.slot.start) + edit.text;
    at = edit.slot.end;
  }
  return out + f.printed.slice(at);
}

/** The usual frequencies a reader could confuse with the printed one (ordered later, by rate). */
function ladder(f: Frequency): Reading[] {
  const once = (period: number, unit: PeriodUnit): Reading => ({ times: 1, period, unit });
  switch (f.style) {
    case 'period_once':
    case 'period_per_times':
      return [
        once(1, 'week'),
        once(2, 'week'),
        once(1, 'month'),
        once(2, 'month'),
        f.unit === 'quarter' ? once(1, 'quarter') : once(3, 'month'),
        once(6, 'month'),
        once(1, 'year'),
      ];
    case 'each':
    case 'every':
      return [once(1, 'week'), once(1, 'month'), once(1, 'quarter'), once(1, 'year')];
    case 'times_per': {
      const counts = { week: [1, 2, 3], month: [1, 2, 3, 4], quarter: [1, 2, 3], year: [1, 2, 3, 4, 6, 12] }[f.unit];
      return counts.map((times) => ({ times, period: f.period, unit: f.unit }));
    }
  }
}

const indexPatterns: readonly (readonly number[])[] = [
  [-1, 1, 2],
  [-2, -1, 1],
  [-2, -1, 2],
  [-2, 1, 2],
  [-3, -2, -1],
  [1, 2, 3],
];

/** Three other usual frequencies in the printed wording; null when they cannot be worded. */
export function frequencyDistractors(f: Frequency, seed: string): string[] | null {
  if ((f.style === 'period_once' || f.style === 'period_per_times') && f.times !== 1) return null;
  const answer: Reading = { times: f.times, period: f.period, unit: f.unit };
  const steps = ladder(f).filter((r) => rate(r) !== rate(answer));
  const all = [...steps, answer].sort((a, b) => rate(b) - rate(a));
  const at = all.indexOf(answer);
  const usable: string[][] = [];
  for (const pattern of indexPatterns) {
    const readings = pattern.map((offset) => all[at + offset]);
    if (readings.some((r) => r === undefined)) continue;
    const options = (readings as Reading[]).map((r) => render(f, r));
    if (new Set([...options, f.printed]).size !== 4) continue;
    usable.push(options);
  }
  return seededPick(usable, seed) ?? null;
}
