/**
 * Every Vietnamese word a drafted question shows to people: question stems, explanations,
 * frequency wordings and document labels. Kept apart from the logic so the wording can be
 * reviewed (and corrected) without reading code. All strings are NFC.
 */
import type { DocumentKind } from '../../../documents/types';
import { documentKindNames as sharedKindNames } from '../../../locales/vi-names';

/** How a document calls itself in running text: "Theo Nghị quyết số 02-NQ/ĐUK, …". */
export const documentKindNames: Record<DocumentKind, string> = { ...sharedKindNames, khac: 'văn bản' };

export function documentLabel(kind: DocumentKind, number: string | null): string {
  const name = documentKindNames[kind];
  return number ? `${name} số ${number}` : name;
}

/** "Mục II.2.1", or the opening text before the first numbered part. */
export function sectionName(path: string): string {
  return path === 'preamble' ? 'Phần mở đầu' : `Mục ${path}`;
}

/** The gap left in a target sentence where its figure stood. */
export const BLANK = '…';

/** Tags every draft carries, by kind. */
export const draftTags = {
  draft: 'ban-nhap',
  target: 'chi-tieu',
  frequency: 'tan-suat',
  responsible: 'trach-nhiem',
} as const;

// ---------------------------------------------------------------------------------------------
// Target figures

/** What the blank stands for: a number for percentages, counts and ranges, a year for years. */
export type BlankKind = 'number' | 'year';

export function targetQuestion(label: string, blank: BlankKind, context: string | null, sentence: string): string {
  const what = blank === 'year' ? 'năm' : 'con số';
  const lead = `Theo ${label}, chọn ${what} đúng điền vào chỗ trống`;
  return context ? `${lead}: ${context}: ${sentence}` : `${lead}: ${sentence}`;
}

export function targetExplanation(path: string, context: string | null, fact: string): string {
  return context
    ? `${sectionName(path)}, phần “${context}”, đặt chỉ tiêu: ${fact}.`
    : `${sectionName(path)} đặt chỉ tiêu: ${fact}.`;
}

// ---------------------------------------------------------------------------------------------
// Meeting frequencies

/** Number words used in frequencies, as written in documents ("sáu tháng một lần"). */
export const numberWords: Readonly<Record<number, string>> = {
  1: 'một',
  2: 'hai',
  3: 'ba',
  4: 'bốn',
  6: 'sáu',
  12: 'mười hai',
};

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

export const unitWords: Readonly<Record<PeriodUnit, string>> = {
  week: 'tuần',
  month: 'tháng',
  quarter: 'quý',
  year: 'năm',
};

/** "lần" (times) in "2 lần/năm", "một tháng một lần". */
export const TIMES_WORD = 'lần';
/** "mỗi quý một lần". */
export const EACH_WORD = 'mỗi';

/**
 * "Theo Nghị quyết, chi bộ sinh hoạt định kỳ bao lâu một lần?"; with "ít nhất" printed before
 * the frequency the question keeps it and the options drop it.
 */
export function frequencyQuestion(
  label: string,
  statement: string,
  atLeast: boolean,
  asks: 'how_often' | 'how_many_times',
): string {
  const qualifier = atLeast ? 'ít nhất ' : '';
  const ask = asks === 'how_often' ? 'bao lâu một lần' : 'bao nhiêu lần';
  return `Theo ${label}, ${statement} ${qualifier}${ask}?`;
}

export function frequencyExplanation(path: string, fact: string): string {
  return `${sectionName(path)} quy định: ${fact}.`;
}

// ---------------------------------------------------------------------------------------------
// Responsible bodies

/** "Theo …, cơ quan nào tham mưu xây dựng kế hoạch …?"; "được giao …" when the line says "Giao …". */
export function responsibleQuestion(label: string, task: string, assigned: boolean): string {
  return assigned ? `Theo ${label}, cơ quan nào được giao ${task}?` : `Theo ${label}, cơ quan nào ${task}?`;
}

export function responsibleExplanation(path: string, body: string, task: string, assigned: boolean): string {
  return assigned ? `${sectionName(path)} giao ${body} ${task}.` : `${sectionName(path)} phân công: ${body} ${task}.`;
}

/** For a target whose section names the body in charge ("Cơ quan chủ trì: …"). */
export function targetOwnerQuestion(label: string, target: string): string {
  return `Theo ${label}, cơ quan nào chịu trách nhiệm về chỉ tiêu: ${target}?`;
}

export function targetOwnerExplanation(path: string, target: string, body: string): string {
  return `${sectionName(path)} giao ${body} chịu trách nhiệm về chỉ tiêu: ${target}.`;
}
