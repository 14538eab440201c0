import { findFigures, isMeasurable, type LocatedFigure } from './figures';
import { sectionContext, type SectionContext } from './section-context';
import type { SectionNode } from './structure';
import { itemBody, splitClauses, splitSentences, type Span } from './text-units';
import type { DocumentKind, Figure, Footnote, Statistic, Target } from './types';

/**
 * Separates targets (chỉ tiêu: what the document aims to reach) from statistics (số liệu:
 * what has been reached). The section decides first: under "Mục tiêu"/"Chỉ tiêu" a figure is
 * a target, under "Tình hình"/"Kết quả" it is a statistic. Elsewhere a figure is a target only
 * when the clause is phrased as an aim ("phấn đấu …", "… trở lên", "100% … được …").
 */

/** "phấn đấu" marks an aim even when the clause also looks back ("… Nghị quyết đã đề ra"). */
const strongCue = /(?<![\p{L}])(?:phấn đấu|phần đầu)(?![\p{L}])/iu;
const weakCue =
  /^thời\s+(?:gian|hạn)(?![\p{L}])|(?<![\p{L}])(?:trở lên|ít nhất|tối thiểu|không dưới|bảo đảm|đảm bảo|chỉ tiêu)(?![\p{L}])|(?<![\p{L}])đạt\s+(?:từ\s+|trên\s+)?\d|\d\s*%[^;]*?(?<![\p{L}])(?:được|phải)(?![\p{L}])/iu;
/** Words of a report: the figure is an outcome, not an aim. */
const pastMarker =
  /(?<![\p{L}])(?:đã|tổng số|tính đến|vượt|so với cùng kỳ|đạt tỷ lệ|năm qua|hiện có)(?![\p{L}])/iu;
/** "không có TCCSĐ bị xếp loại …": a target of zero. */
const zeroPhrase = /(?<![\p{L}])(?:không có|không để(?:\s+xảy ra)?)(?![\p{L}])/iu;
/** "trong đó …" and friends narrow the clause before them, so they stay with it. */
const narrowing = /^(?:trong đó|riêng|nhất là|bao gồm)(?![\p{L}])/iu;
const responsibleLine =
  /^(?:(?:cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|thực hiện|phụ trách|tham mưu)|chủ trì(?:\s+thực hiện)?|trách nhiệm thực hiện|phụ trách)\s*:\s*(.+?)[.;]?$/iu;

interface Candidate {
  span: Span;
  context: string | null;
}

export interface FiguresResult {
  targets: Target[];
  statistics: Statistic[];
}

function deadlineCue(figures: readonly LocatedFigure[]): boolean {
  return figures.some(
    (f) =>
      f.figure.kind === 'deadline' &&
      (f.figure.date !== undefined || /^(?:trước|chậm nhất|hạn chót|hoàn thành|đến hết)/iu.test(f.figure.raw)),
  );
}

function zeroFigure(text: string, context: SectionContext): LocatedFigure | null {
  const zero = zeroPhrase.exec(text);
  if (!zero) return null;
  const aimed = context.purpose === 'goal' || /phấn đấu\s+$/iu.test(text.slice(0, zero.index));
  return aimed ? { figure: { kind: 'count', raw: zero[0], value: 0, max: 0 }, index: zero.index } : null;
}

function sliceSpan(line: string, from: Span, to: Span): Span {
  return { text: line.slice(from.start, to.start + to.text.length), start: from.start };
}

/** Figures of a clause, with the zero of "không có …" where the section aims at it. */
function figuresIn(text: string, context: SectionContext): LocatedFigure[] {
  const figures = findFigures(text);
  const zero = zeroFigure(text, context);
  if (zero) figures.push(zero);
  return figures.sort((a, b) => a.index - b.index);
}

function figuresOf(located: readonly LocatedFigure[]): Figure[] {
  return located.map((l) => l.figure);
}

/** In a long task clause, the target starts where the aim does: ", phấn đấu 100% …". */
function trimToCue(span: Span, figures: readonly LocatedFigure[]): Span {
  const cue = /,\s+(?=phấn đấu(?![\p{L}]))/iu.exec(span.text);
  if (!cue) return span;
  const at = cue.index + cue[0].length;
  if (figures.some((f) => isMeasurable(f.figure) && f.index < at)) return span;
  return { text: span.text.slice(at), start: span.start + at };
}

/** Lines of a section, each with the lead-in line (ending in ":") it hangs from. */
function* itemsWithLeadIns(lines: readonly string[]) {
  let leadIn: string | null = null;
  for (const line of lines) {
    const body = itemBody(line);
    const isListItem = body.start > 0;
    yield { line, body, leadIn };
    if (/:$/u.test(body.text)) leadIn = body.text.replace(/\s*:$/u, '');
    else if (!isListItem) leadIn = null;
  }
}

export function findTargetsAndStatistics(
  sections: readonly SectionNode[],
  documentKind: DocumentKind,
  footnotes: readonly Footnote[] = [],
): FiguresResult {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  const targets: Target[] = [];
  const statistics: Statistic[] = [];

  for (const section of sections) {
    const context = sectionContext(section, byPath, documentKind);
    const responsible =
      section.lines.map((l) => responsibleLine.exec(itemBody(l).text)?.[1]?.trim()).find(Boolean) ?? null;

    for (const { line, body, leadIn } of itemsWithLeadIns(section.lines)) {
      if (responsibleLine.test(body.text)) continue;
      const inlineLead = /^([^:\d]{3,100}):\s+\S/u.exec(body.text)?.[1] ?? null;
      const found: Candidate[] = [];
      const reported: Candidate[] = [];

      for (const sentence of splitSentences(body.text, body.start)) {
        let previous: Candidate | null = null;
        for (const clause of splitClauses(sentence)) {
          const figures = figuresIn(clause.text, context);
          const measurable = figures.some((f) => isMeasurable(f.figure));
          const clauseContext = clause.start > body.start && inlineLead ? inlineLead : leadIn;

          if (previous && (narrowing.test(clause.text) || (context.purpose === 'goal' && !measurable))) {
            // "…; trong đó 15% …" and a goal clause without a figure belong to the target before.
            previous.span = sliceSpan(line, previous.span, clause);
            continue;
          }
          if (!measurable) {
            previous = null;
            continue;
          }
          const candidate: Candidate = { span: clause, context: clauseContext };
          const aimed =
            strongCue.test(clause.text) ||
            ((weakCue.test(clause.text) || deadlineCue(figures)) && !pastMarker.test(clause.text));
          if (context.purpose === 'goal' || (context.purpose === 'neutral' && aimed)) {
            if (context.purpose === 'neutral') candidate.span = trimToCue(clause, figures);
            found.push(candidate);
            previous = candidate;
          } else if (context.purpose === 'report' || pastMarker.test(clause.text)) {
            reported.push(candidate);
            previous = null;
          } else {
            previous = null;
          }
        }
      }

      // Under a "Chỉ tiêu" heading every item is a target, even one without a figure
      // ("Đảng bộ Khối phấn đấu hoàn thành tốt nhiệm vụ trở lên.").
      if (context.targetList && found.length === 0 && !/:$/u.test(body.text) && body.text.length > 0) {
        found.push({ span: body, context: leadIn });
      }

      for (const c of found) {
        // "Thời gian hoàn thành: …" only makes sense with the task it times: the heading.
        const timing = /^thời\s+(?:gian|hạn)/iu.test(c.span.text) && section.headingKind === 'heading';
        targets.push({
          text: c.span.text,
          section: section.path,
          values: figuresOf(figuresIn(c.span.text, context)),
          context: c.context ?? (timing ? section.heading : null),
          responsible,
        });
      }
      for (const c of reported) {
        statistics.push({
          text: c.span.text,
          section: section.path,
          values: figuresOf(findFigures(c.span.text)),
        });
      }
    }
  }

  // Footnotes of a report section carry figures too ("¹ Trong đó có 120 đảng viên …").
  for (const note of footnotes) {
    const section = note.section ? byPath.get(note.section) : undefined;
    if (!section || sectionContext(section, byPath, documentKind).purpose !== 'report') continue;
    for (const sentence of splitSentences(note.text)) {
      for (const clause of splitClauses(sentence)) {
        const figures = findFigures(clause.text);
        if (figures.some((f) => isMeasurable(f.figure))) {
          statistics.push({ text: clause.text, section: section.path, values: figuresOf(figures) });
        }
      }
    }
  }
  return { targets, statistics };
}
