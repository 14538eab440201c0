// Content checks for the quiz sets in quizzes/*.yaml.
//
// Each set is written by hand from one document in the shared corpus. These tests keep the sets
// honest: the shape the app reads, enough questions, several multi-select ones, NFC text, section
// paths that look like the document's numbering, and every `quote` found verbatim on one line of
// the source document (so an explanation can always be traced back to the text).
//
// The corpus lives beside the repository in ../shared/corpus (QUIZ_CORPUS_DIR points elsewhere);
// without it the quote check fails rather than passing unchecked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const quizDir = join(import.meta.dirname, '..', '..', 'quizzes');
const corpusDir = process.env.QUIZ_CORPUS_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpusDir);

const MIN_QUESTIONS = 24;
const MIN_MULTI_SELECT = 3;
const MULTI_SELECT_HINT = '(chọn các đáp án đúng)';
const SECTION_PATH = /^[IVX]+(\.\d+)*$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Question {
  id: string;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  section: string;
  quote: string;
  difficulty: string;
  tags: string[];
}

interface QuizSet {
  id: string;
  title: string;
  document: { number: string | null; file: string };
  description: string;
  shuffle_questions: boolean;
  time_limit_seconds: number | null;
  questions: Question[];
}

const files = existsSync(quizDir)
  ? readdirSync(quizDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : [];

function load(file: string): { raw: string; set: QuizSet } {
  const raw = readFileSync(join(quizDir, file), 'utf8');
  return { raw, set: parse(raw) as QuizSet };
}

/** Every string value anywhere in the parsed document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

it('finds the quiz sets', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

it('gives every set a unique kebab-case id', () => {
  const ids = files.map((f) => load(f).set.id);
  for (const id of ids) expect(id).toMatch(KEBAB);
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(files)('%s', (file) => {
  const { raw, set } = load(file);
  const questions = set.questions ?? [];

  it('has the set-level fields', () => {
    expect(set.id).toMatch(KEBAB);
    expect(set.title).toEqual(expect.any(String));
    expect(set.description).toEqual(expect.any(String));
    expect(set.document.file).toMatch(/\.txt$/);
    expect(set.document.number === null || typeof set.document.number === 'string').toBe(true);
    expect(typeof set.shuffle_questions).toBe('boolean');
    expect(set.time_limit_seconds === null || typeof set.time_limit_seconds === 'number').toBe(true);
  });

  it(`has at least ${MIN_QUESTIONS} questions with unique ids`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has 2 to 8 distinct options per question', () => {
    for (const q of questions) {
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.options.length, q.id).toBeLessThanOrEqual(8);
      expect(new Set(q.options).size, q.id).toBe(q.options.length);
    }
  });

  it('has non-empty, in-range, distinct correct indexes', () => {
    for (const q of questions) {
      expect(q.correct.length, q.id).toBeGreaterThan(0);
      expect(new Set(q.correct).size, q.id).toBe(q.correct.length);
      for (const i of q.correct) {
        expect(Number.isInteger(i), q.id).toBe(true);
        expect(i, q.id).toBeGreaterThanOrEqual(0);
        expect(i, q.id).toBeLessThan(q.options.length);
      }
    }
  });

  it(`has at least ${MIN_MULTI_SELECT} multi-select questions, each saying so`, () => {
    const multi = questions.filter((q) => q.correct.length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(MIN_MULTI_SELECT);
    for (const q of questions) {
      expect(q.text.includes(MULTI_SELECT_HINT), q.id).toBe(q.correct.length > 1);
    }
  });

  it('is NFC-normalised throughout', () => {
    expect(raw).toBe(raw.normalize('NFC'));
    for (const s of strings(set)) expect(s, s).toBe(s.normalize('NFC'));
  });

  it('uses section paths like "II.3.5.1", known difficulties and kebab-case tags', () => {
    for (const q of questions) {
      expect(q.section, q.id).toMatch(SECTION_PATH);
      expect(['easy', 'medium', 'hard'], q.id).toContain(q.difficulty);
      expect(q.tags.length, q.id).toBeGreaterThan(0);
      for (const tag of q.tags) expect(tag, q.id).toMatch(KEBAB);
      expect(q.explanation.trim().length, q.id).toBeGreaterThan(0);
    }
  });

  it('quotes the source document verbatim, within one line', () => {
    expect(haveCorpus, `corpus not found at ${corpusDir}`).toBe(true);
    const source = join(corpusDir, basename(set.document.file));
    expect(existsSync(source), source).toBe(true);
    const lines = readFileSync(source, 'utf8').split(/\r?\n/);
    for (const q of questions) {
      expect(q.quote.length, q.id).toBeGreaterThanOrEqual(20);
      const found = lines.some((line) => line.includes(q.quote));
      expect(found, `${q.id}: quote not found on any line: ${q.quote}`).toBe(true);
    }
  });
});
