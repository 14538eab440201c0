/**
 * Drafts quiz questions from a parsed document, for a person to review and approve. Three kinds,
 * each built only where the text leaves no doubt about the answer:
 * - target_figure: a target sentence with its figure blanked, options of the same shape;
 * - meeting_frequency: how often a body meets ("chi bộ sinh hoạt định kỳ một tháng một lần");
 * - responsible_body: which body does a task in the implementation part.
 * Every draft carries the section path and a verbatim quote of that section that proves it.
 * Pure and deterministic: the same document always gives the same drafts, options in the same order.
 */
import type { Figure, ParsedDocument, Section, Target } from '../../documents/types';
import { bodyKey, findBodies } from './draft/bodies';
import { draftFigureKind, figureDistractors } from './draft/figures';
import { type Frequency, findFrequencies, frequencyDistractors } from './draft/frequency';
import { seededShuffle } from './draft/seeded';
import { inImplementationPart, inReportPart } from './draft/sections';
import {
  BLANK,
  documentLabel,
  draftTags,
  frequencyExplanation,
  frequencyQuestion,
  responsibleExplanation,
  responsibleQuestion,
  targetExplanation,
  targetOwnerExplanation,
  targetOwnerQuestion,
  targetQuestion,
} from './draft/templates-vi';
import {
  capitaliseFirst,
  countOccurrences,
  foldText,
  jaccard,
  lowerCommonStart,
  markerLength,
  type Span,
  sentenceSpans,
  span,
  splitSpan,
  trimEndPunctuation,
  wordCount,
  wordSet,
  wordWindow,
} from './draft/text';

export type DraftKind = 'target_figure' | 'meeting_frequency' | 'responsible_body';

export interface DraftQuestion {
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  /** Path of the section where the fact stands. */
  section: string;
  /** Verbatim substring of that section's text (at least 20 characters) that proves the answer. */
  quote: string;
  difficulty: 'easy' | 'medium' | 'hard';
  tags: string[];
  kind: DraftKind;
}

export interface DraftOptions {
  /** Most drafts to return (default 30). */
  max?: number;
  /** How questions name the document: "Nghị quyết số 02-NQ/ĐUK" by default. */
  documentLabel?: string;
}

const DEFAULT_MAX = 30;
const MIN_QUOTE = 20;
/** Quotes longer than this are cut to a window of whole words around the fact. */
const QUOTE_MAX = 160;
/** A blanked sentence longer than this makes a poor question. */
const SENTENCE_MAX = 300;
/** Two drafts of one kind with the same answer and this much word overlap are the same question. */
const NEAR_DUPLICATE = 0.8;

interface Draft extends DraftQuestion {
  /** Where the fact stands in the document, for reading order. */
  position: number;
  answer: string;
}

interface Ctx {
  doc: ParsedDocument;
  label: string;
  byPath: ReadonlyMap<string, Section>;
  order: ReadonlyMap<string, number>;
}

export function draftQuestions(doc: ParsedDocument, options: DraftOptions = {}): DraftQuestion[] {
  const max = Math.floor(options.max ?? DEFAULT_MAX);
  if (!(max > 0)) return [];
  const ctx: Ctx = {
    doc,
    label: options.documentLabel?.trim() || documentLabel(doc.kind, doc.number),
    byPath: new Map(doc.sections.map((s) => [s.path, s])),
    order: new Map(doc.sections.map((s, i) => [s.path, i])),
  };
  const drafts = [...targetFigureDrafts(ctx), ...frequencyDrafts(ctx), ...responsibleDrafts(ctx)].filter((d) =>
    isSound(d, ctx),
  );
  return cap(dedupe(drafts), max).map(publicView);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function position(ctx: Ctx, path: string, offset: number): number {
  return (ctx.order.get(path) ?? ctx.order.size) * 1_000_000 + offset;
}

/** Shuffles the answer in among the distractors by the question's seed. */
function withOptions(
  answer: string,
  distractors: readonly string[],
  seed: string,
): { options: string[]; correct: number[] } | null {
  const options = seededShuffle([answer, ...distractors], seed);
  const keys = new Set(options.map((o) => foldText(o).trim()));
  if (keys.size !== options.length) return null;
  return { options, correct: [options.indexOf(answer)] };
}

/** The quote: the span itself when short, else a window of whole words around the fact. */
function quoteOf(text: string, factStart: number, factEnd: number): string {
  const trimmed = trimEndPunctuation(text);
  if (trimmed.length <= QUOTE_MAX) return trimmed;
  return wordWindow(trimmed, factStart, Math.min(factEnd, trimmed.length), QUOTE_MAX).text;
}

function isSound(d: Draft, ctx: Ctx): boolean {
  const section = ctx.byPath.get(d.section);
  if (!section || d.quote.length < MIN_QUOTE || !section.text.includes(d.quote)) return false;
  const [correct] = d.correct;
  if (d.correct.length !== 1 || correct === undefined || d.options[correct] !== d.answer) return false;
  if (d.options.length !== 4 || new Set(d.options).size !== 4) return false;
  return d.options.every((o) => o.trim().length > 0) && d.text.length > 0;
}

function dedupe(drafts: readonly Draft[]): Draft[] {
  const kept: { draft: Draft; words: Set<string> }[] = [];
  for (const draft of drafts) {
    const words = wordSet(draft.text);
    const answer = foldText(draft.answer);
    const duplicate = kept.some(
      (k) =>
        k.draft.kind === draft.kind &&
        foldText(k.draft.answer) === answer &&
        (k.draft.quote === draft.quote || jaccard(k.words, words) >= NEAR_DUPLICATE),
    );
    if (!duplicate) kept.push({ draft, words });
  }
  return kept.map((k) => k.draft);
}

/** Takes kinds in turn so a cap keeps variety, then restores reading order. */
function cap(drafts: readonly Draft[], max: number): Draft[] {
  const kinds: DraftKind[] = ['target_figure', 'meeting_frequency', 'responsible_body'];
  const groups = kinds.map((kind) => drafts.filter((d) => d.kind === kind).sort((a, b) => a.position - b.position));
  const picked: Draft[] = [];
  for (let i = 0; picked.length < max && groups.some((g) => i < g.length); i++) {
    for (const group of groups) {
      const draft = group[i];
      if (draft && picked.length < max) picked.push(draft);
    }
  }
  return picked.sort((a, b) => a.position - b.position);
}

function publicView(d: Draft): DraftQuestion {
  const nfc = (s: string) => s.normalize('NFC');
  return {
    text: nfc(d.text),
    options: d.options.map(nfc),
    correct: [...d.correct],
    explanation: nfc(d.explanation),
    section: d.section,
    quote: d.quote,
    difficulty: d.difficulty,
    tags: [...d.tags],
    kind: d.kind,
  };
}

// ---------------------------------------------------------------------------------------------
// Target figures

/** Clauses of a target split at ";". */
function targetClauses(text: string): Span[] {
  return splitSpan(text, span(text, 0, text.length), /;/u);
}

/** A "trong đó …" clause only makes sense with the clause it qualifies. */
const qualifyingClause = /^(trong đó|riêng|nhất là|đồng thời)(?![\p{L}])/iu;

/** The clause holding [from, to), joined to the clauses it qualifies. */
function clauseAround(text: string, from: number, to: number): Span | null {
  const clauses = targetClauses(text);
  let i = clauses.findIndex((c) => c.start <= from && to <= c.end);
  const found = clauses[i];
  if (!found) return null;
  let start = found.start;
  while (i > 0 && qualifyingClause.test(clauses[i]?.text ?? '')) {
    i--;
    start = clauses[i]?.start ?? start;
  }
  return span(text, start, found.end);
}

function targetFigureDrafts(ctx: Ctx): Draft[] {
  const drafts: Draft[] = [];
  ctx.doc.targets.forEach((target, targetIndex) => {
    const section = ctx.byPath.get(target.section);
    if (!section) return;
    const at = section.text.indexOf(target.text);
    if (at < 0) return;
    for (const figure of target.values) {
      const draft = targetFigureDraft(ctx, target, figure, section, at + targetIndex);
      if (draft) drafts.push(draft);
    }
  });
  return drafts;
}

function targetFigureDraft(ctx: Ctx, target: Target, figure: Figure, section: Section, offset: number): Draft | null {
  const kind = draftFigureKind(figure);
  const raw = figure.raw;
  if (!kind || countOccurrences(target.text, raw) !== 1) return null;
  const rawAt = target.text.indexOf(raw);
  const clause = clauseAround(target.text, rawAt, rawAt + raw.length);
  if (!clause) return null;
  const marker = markerLength(clause.text);
  const text = clause.text.slice(marker);
  const figureAt = rawAt - clause.start - marker;
  if (figureAt < 0) return null;

  const blanked = text.slice(0, figureAt) + BLANK + text.slice(figureAt + raw.length);
  const sentence = capitaliseFirst(trimEndPunctuation(blanked));
  if (sentence.length > SENTENCE_MAX || wordCount(sentence.replace(BLANK, '')) < 3) return null;
  const context = target.context ? trimEndPunctuation(target.context.trim()) : null;
  const question = targetQuestion(ctx.label, kind === 'year' ? 'year' : 'number', context || null, sentence);
  // The answer must not show anywhere else in the question (a context line may repeat it).
  if (question.includes(raw)) return null;

  const distractors = figureDistractors({
    raw,
    kind,
    seed: `${ctx.label}|${text}|${raw}`,
    avoid: (option) => question.includes(option),
  });
  if (!distractors) return null;
  const options = withOptions(raw, distractors, question);
  if (!options) return null;

  const otherFigures = target.values.filter((f) => f !== figure && text.includes(f.raw)).length;
  const difficulty = kind === 'range' || otherFigures >= 2 ? 'hard' : otherFigures === 0 && kind === 'percent' ? 'easy' : 'medium';
  return {
    kind: 'target_figure',
    text: question,
    ...options,
    answer: raw,
    explanation: targetExplanation(section.path, context || null, capitaliseFirst(trimEndPunctuation(text))),
    section: section.path,
    quote: quoteOf(text, figureAt, figureAt + raw.length),
    difficulty,
    tags: [draftTags.target, draftTags.draft],
    position: position(ctx, section.path, offset),
  };
}

// ---------------------------------------------------------------------------------------------
// Meeting frequencies

/** Who can be said to meet: branches, committees, their standing bodies, cells. */
const meetingSubject =
  /^(cac\s+)?(chi bo|dang bo|cap uy|chi uy|ban thuong vu|ban chap hanh|dang uy|to dang|thuong truc|ban can su|dang doan)\b/u;
/** "sinh hoạt", "sinh hoạt định kỳ", "tiến hành sinh hoạt chuyên đề", "họp", "giao ban" right before the frequency. */
const meetingVerbAtEnd =
  /(^|\s)((?:(?:tiến hành|tổ chức|dự)\s+)?(?:sinh hoạt|họp|giao ban)(?:\s+(?:định kỳ|thường kỳ|chuyên đề))*)\s*$/iu;
const meetingVerb = /(?<![\p{L}])(sinh hoạt|họp|giao ban)(?![\p{L}])/iu;

function isMeetingSubject(text: string): boolean {
  return meetingSubject.test(foldText(text)) && wordCount(text) <= 12 && !/\d/u.test(text);
}

function frequencyDrafts(ctx: Ctx): Draft[] {
  const drafts: Draft[] = [];
  for (const section of ctx.doc.sections) {
    if (inReportPart(section, ctx.byPath)) continue;
    let lineStart = 0;
    for (const line of section.text.split('\n')) {
      drafts.push(...lineFrequencyDrafts(ctx, section, line, lineStart));
      lineStart += line.length + 1;
    }
  }
  return drafts;
}

interface Statement {
  /** Subject and verb as the question puts them: "chi bộ sinh hoạt định kỳ". */
  statement: string;
  /** The quote's offsets in the line. */
  quoteStart: number;
  quoteEnd: number;
  /** The subject's span, for the next clause that leaves it out. */
  subject: Span | null;
}

function lineFrequencyDrafts(ctx: Ctx, section: Section, line: string, lineStart: number): Draft[] {
  const frequencies = findFrequencies(line);
  if (frequencies.length === 0) return [];
  const drafts: Draft[] = [];
  for (const sentence of sentenceSpans(line)) {
    for (const segment of splitSpan(line, sentence, /;/u)) {
      const inSegment = frequencies.filter((f) => f.start >= segment.start && f.end <= segment.end);
      let subject: Span | null = null;
      for (const f of inSegment) {
        const found = frequencyStatement(line, segment, f, inSegment, subject);
        subject = found?.subject ?? null;
        if (!found) continue;
        const draft = frequencyDraft(ctx, section, line, f, found, lineStart);
        if (draft) drafts.push(draft);
      }
    }
  }
  return drafts;
}

/** Who meets, read backwards ("chi bộ sinh hoạt định kỳ <f>") or forwards ("<f> chi bộ … sinh hoạt …"). */
function frequencyStatement(
  line: string,
  segment: Span,
  f: Frequency,
  inSegment: readonly Frequency[],
  previousSubject: Span | null,
): Statement | null {
  const clause = splitSpan(line, segment, /,/u).find((c) => c.start <= f.start && f.end <= c.end);
  if (!clause) return null;
  // Two frequencies in one clause ("hàng tháng, hàng quý") leave the answer open.
  if (inSegment.some((g) => g !== f && g.start >= clause.start && g.end <= clause.end)) return null;

  const before = line.slice(clause.start, f.qualifierStart);
  const verb = meetingVerbAtEnd.exec(before);
  if (verb?.[2] !== undefined) {
    const verbStart = clause.start + verb.index + (verb[1]?.length ?? 0);
    const subjectText = line.slice(clause.start, verbStart).trim();
    if (subjectText.length === 0) {
      if (!previousSubject) return null;
      return {
        statement: `${lowerCommonStart(previousSubject.text)} ${verb[2]}`,
        quoteStart: previousSubject.start,
        quoteEnd: f.end,
        subject: previousSubject,
      };
    }
    if (!isMeetingSubject(subjectText)) return null;
    const subject = span(line, clause.start, clause.start + subjectText.length);
    return {
      statement: `${lowerCommonStart(subjectText)} ${verb[2]}`,
      quoteStart: subject.start,
      quoteEnd: f.end,
      subject,
    };
  }

  // "6 tháng một lần chi bộ, ban chấp hành đảng bộ cơ sở tiến hành sinh hoạt chuyên đề."
  if (f.start !== segment.start || f.atLeast || !/^\s/u.test(line.slice(f.end))) return null;
  if (inSegment.length !== 1) return null;
  const rest = trimEndPunctuation(line.slice(f.end, segment.end)).trim();
  if (!isMeetingSubject(rest.split(',')[0] ?? '') || !meetingVerb.test(rest) || wordCount(rest) > 20) return null;
  return { statement: lowerCommonStart(rest), quoteStart: segment.start, quoteEnd: segment.end, subject: null };
}

function frequencyDraft(
  ctx: Ctx,
  section: Section,
  line: string,
  f: Frequency,
  found: Statement,
  lineStart: number,
): Draft | null {
  const quote = trimEndPunctuation(line.slice(found.quoteStart, found.quoteEnd));
  if (quote.length < MIN_QUOTE) return null;

  const answer = capitaliseFirst(f.printed);
  const asks = f.style === 'times_per' ? 'how_many_times' : 'how_often';
  const question = frequencyQuestion(ctx.label, found.statement, f.atLeast, asks);
  const distractors = frequencyDistractors(f, `${ctx.label}|${quote}`);
  if (!distractors) return null;
  const options = withOptions(answer, distractors.map(capitaliseFirst), question);
  if (!options) return null;

  return {
    kind: 'meeting_frequency',
    text: question,
    ...options,
    answer,
    explanation: frequencyExplanation(section.path, capitaliseFirst(quote)),
    section: section.path,
    quote,
    difficulty: /^chi bo\b/u.test(foldText(found.statement)) ? 'easy' : 'medium',
    tags: [draftTags.frequency, draftTags.draft],
    position: position(ctx, section.path, lineStart + f.start),
  };
}

// ---------------------------------------------------------------------------------------------
// Responsible bodies

interface PoolEntry {
  key: string;
  name: string;
}

function responsibleDrafts(ctx: Ctx): Draft[] {
  const parts = ctx.doc.sections.filter((s) => inImplementationPart(s, ctx.byPath));
  const pool = new Map<string, PoolEntry>();
  const addToPool = (name: string) => {
    const key = bodyKey(name);
    if (!pool.has(key)) pool.set(key, { key, name });
  };
  for (const section of parts) for (const body of findBodies(section.text)) addToPool(body.name);

  const drafts: Draft[] = [];
  for (const section of parts) {
    let lineStart = 0;
    for (const line of section.text.split('\n')) {
      for (const sentence of sentenceSpans(line)) {
        const draft = taskSentenceDraft(ctx, section, line, sentence, lineStart, [...pool.values()]);
        if (draft) drafts.push(draft);
      }
      lineStart += line.length + 1;
    }
  }

  // Targets that name the body in charge; their distractors may also come from other targets.
  const owners = ctx.doc.targets.map((t) => t.responsible?.trim() ?? '').filter((r) => r.length > 0);
  const targetPool = new Map(pool);
  for (const owner of owners) {
    const key = bodyKey(owner);
    if (!targetPool.has(key)) targetPool.set(key, { key, name: owner });
  }
  ctx.doc.targets.forEach((target, index) => {
    const draft = targetOwnerDraft(ctx, target, index, [...targetPool.values()]);
    if (draft) drafts.push(draft);
  });
  return drafts;
}

/** Three other bodies, those of the same committee first ("… Đảng ủy Khối" for a body of it). */
function pickBodies(answer: string, excluded: ReadonlySet<string>, pool: readonly PoolEntry[], seed: string): string[] | null {
  const answerKey = bodyKey(answer);
  const owner = (key: string) => key.split(' ').slice(-2).join(' ');
  const others = pool.filter((p) => p.key !== answerKey && !excluded.has(p.key));
  if (others.length < 3) return null;
  const same = others.filter((p) => owner(p.key) === owner(answerKey));
  const rest = others.filter((p) => owner(p.key) !== owner(answerKey));
  return [...seededShuffle(same, seed), ...seededShuffle(rest, seed)].slice(0, 3).map((p) => p.name);
}

/** A sentence that opens with a body: "Ban Tổ chức Đảng ủy Khối tham mưu …", "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, …". */
function taskSentenceDraft(
  ctx: Ctx,
  section: Section,
  line: string,
  sentence: Span,
  lineStart: number,
  pool: readonly PoolEntry[],
): Draft | null {
  let start = sentence.start + markerLength(sentence.text);
  const assigned = /^Giao\s+/u.exec(line.slice(start));
  const quoteStart = start;
  if (assigned) start += assigned[0].length;
  const body = findBodies(line).find((b) => b.start === start);
  if (!body?.printed) return null;
  // The body must be the only subject: "Ban Thường vụ … và cấp ủy cơ sở …" shares the task.
  if (!/^\s+\p{Ll}/u.test(line.slice(body.end)) || /^\s+(và|cùng|hoặc|với)(?![\p{L}])/u.test(line.slice(body.end))) {
    return null;
  }
  const semicolon = line.indexOf(';', body.end);
  const clauseEnd = semicolon >= 0 && semicolon < sentence.end ? semicolon : sentence.end;
  const task = trimEndPunctuation(line.slice(body.end, clauseEnd)).trim();
  const words = wordCount(task);
  if (words < 3 || words > 40) return null;

  const mentioned = new Set(findBodies(task).map((b) => bodyKey(b.name)));
  if (mentioned.has(bodyKey(body.name))) return null;
  const question = responsibleQuestion(ctx.label, task, assigned !== null);
  const distractors = pickBodies(body.name, mentioned, pool, question);
  if (!distractors) return null;
  const options = withOptions(body.name, distractors, question);
  if (!options) return null;
  const quoteEnd = body.end + line.slice(body.end).indexOf(task) + task.length;

  return {
    kind: 'responsible_body',
    text: question,
    ...options,
    answer: body.name,
    explanation: responsibleExplanation(section.path, body.name, task, assigned !== null),
    section: section.path,
    quote: line.slice(quoteStart, quoteEnd),
    difficulty: 'medium',
    tags: [draftTags.responsible, draftTags.draft],
    position: position(ctx, section.path, lineStart + quoteStart),
  };
}

function targetOwnerDraft(ctx: Ctx, target: Target, index: number, pool: readonly PoolEntry[]): Draft | null {
  const owner = target.responsible?.trim();
  if (!owner || owner.length > 80 || /[;:]/u.test(owner)) return null;
  const section = ctx.byPath.get(target.section);
  if (!section) return null;
  const lines = section.text.split('\n');
  const lineIndex = lines.findIndex((l) => l.includes(owner));
  const line = lines[lineIndex];
  if (line === undefined) return null;
  const body = line.slice(markerLength(line));
  const ownerAt = body.indexOf(owner);
  const quote = quoteOf(body, ownerAt, ownerAt + owner.length);
  if (!quote.includes(owner)) return null;

  const statement = trimEndPunctuation(target.text.slice(markerLength(target.text)));
  if (statement.length > SENTENCE_MAX) return null;
  const mentioned = new Set(findBodies(statement).map((b) => bodyKey(b.name)));
  if (mentioned.has(bodyKey(owner))) return null;
  const question = targetOwnerQuestion(ctx.label, statement);
  const distractors = pickBodies(owner, mentioned, pool, question);
  if (!distractors) return null;
  const options = withOptions(owner, distractors, question);
  if (!options) return null;
  return {
    kind: 'responsible_body',
    text: question,
    ...options,
    answer: owner,
    explanation: targetOwnerExplanation(section.path, statement, owner),
    section: section.path,
    quote,
    difficulty: 'medium',
    tags: [draftTags.responsible, draftTags.draft],
    position: position(ctx, section.path, Math.max(0, section.text.indexOf(line)) + index),
  };
}
