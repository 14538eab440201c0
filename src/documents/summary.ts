import type { SectionContext } from './section-context';
import type { SectionNode } from './structure';
import { itemBody, splitClauses, splitSentences, type Span } from './text-units';
import {
  SUMMARY_MAX_CHARS,
  type DocumentKind,
  type SectionSummary,
  type Statistic,
  type SummaryLine,
  type Target,
} from './types';
import { fold, isAllCaps } from './vietnamese-text';

/**
 * Extractive summaries: every line is a sentence, clause, bullet or heading copied from the
 * normalised body, so nothing is put in the Party's mouth. Lines are chosen by priority
 * (purpose, targets, main tasks, then detail) until the budget of one Telegram message is
 * spent, and shown in document order.
 */

interface Candidate {
  text: string;
  section: string;
  /** Document order. */
  order: number;
}

/** A lead sentence longer than this is cut to its first clause, or left out. */
const LEAD_MAX_CHARS = 600;

/** Part titles that say nothing about content ("Nhiệm vụ và giải pháp chủ yếu"). */
const genericHeading =
  /^(cac |mot so )?(nhiem vu|giai phap|quan diem|muc tieu|chi tieu|to chuc thuc hien)( va (giai phap|nhiem vu))?( chu yeu| trong tam| cu the| tong quat)?$/;

function orderOf(sectionIndex: number, lineIndex: number, offset: number): number {
  return sectionIndex * 10_000_000 + (lineIndex + 1) * 10_000 + Math.min(offset, 9_999);
}

/** First sentence of an item, or its first clause when the sentence runs long. */
function leadOf(line: string): Span | null {
  const body = itemBody(line);
  const first = splitSentences(body.text, body.start)[0];
  if (!first) return null;
  if (first.text.length <= LEAD_MAX_CHARS) return first;
  const clause = splitClauses(first)[0];
  if (clause && clause.text.length >= 40 && clause.text.length <= LEAD_MAX_CHARS) return clause;
  return null;
}

function sentencesOf(line: string): Span[] {
  const body = itemBody(line);
  return splitSentences(body.text, body.start).filter((s) => s.text.length <= LEAD_MAX_CHARS);
}

function headingCandidate(section: SectionNode, index: number): Candidate | null {
  if (section.headingKind === 'heading') {
    if (isAllCaps(section.heading) || genericHeading.test(fold(section.heading))) return null;
    return { text: section.heading, section: section.path, order: orderOf(index, -1, 0) };
  }
  if (section.headingKind === 'paragraph' && section.lines[0] !== undefined) {
    const lead = leadOf(section.lines[0]);
    return lead ? { text: lead.text, section: section.path, order: orderOf(index, 0, lead.start) } : null;
  }
  return null;
}

/** Rows of a table ("| Chỉ tiêu | 2023 | 2024 |") read badly out of their table. */
const tableRow = /^\|/u;

function leadCandidates(section: SectionNode, index: number): Candidate[] {
  const out: Candidate[] = [];
  section.lines.forEach((line, lineIndex) => {
    if (tableRow.test(line)) return;
    const lead = leadOf(line);
    if (lead) out.push({ text: lead.text, section: section.path, order: orderOf(index, lineIndex, lead.start) });
  });
  return out;
}

/** Places a target or statistic (known by its text and section) in document order. */
function locate(
  item: { text: string; section: string },
  sections: readonly SectionNode[],
): Candidate | null {
  const index = sections.findIndex((s) => s.path === item.section);
  const section = sections[index];
  if (!section) return null;
  const lineIndex = section.lines.findIndex((l) => l.includes(item.text));
  if (lineIndex < 0) return null;
  const offset = section.lines[lineIndex]?.indexOf(item.text) ?? 0;
  return { text: item.text, section: item.section, order: orderOf(index, lineIndex, offset) };
}

/** Fills the budget tier by tier, then returns the chosen lines in document order. */
function fill(tiers: readonly Candidate[][], budget = SUMMARY_MAX_CHARS): SummaryLine[] {
  const chosen: Candidate[] = [];
  let used = 0;
  for (const tier of tiers) {
    for (const candidate of [...tier].sort((a, b) => a.order - b.order)) {
      const overlaps = chosen.some(
        (c) => c.section === candidate.section && (c.text.includes(candidate.text) || candidate.text.includes(c.text)),
      );
      if (overlaps) continue;
      const cost = candidate.text.length + (chosen.length > 0 ? 1 : 0);
      if (used + cost > budget) continue;
      chosen.push(candidate);
      used += cost;
    }
  }
  return chosen.sort((a, b) => a.order - b.order).map(({ text, section }) => ({ text, section }));
}

export interface SummaryInput {
  kind: DocumentKind;
  sections: readonly SectionNode[];
  contexts: ReadonlyMap<string, SectionContext>;
  targets: readonly Target[];
  statistics: readonly Statistic[];
}

/**
 * Whole-document summary: purpose, targets, main tasks, then detail. A report leads with its
 * figures; a text with no labelled tasks falls back on the lead sentences of its parts.
 */
export function summariseDocument(input: SummaryInput): SummaryLine[] {
  const { sections, contexts } = input;
  const purpose: Candidate[] = [];
  const mainTasks: Candidate[] = [];
  const taskDetail: Candidate[] = [];
  const otherLeads: Candidate[] = [];
  const taskLevels = sections
    .filter((s) => contexts.get(s.path)?.tasks && s.headingKind === 'heading' && !isAllCaps(s.heading))
    .map((s) => s.level);
  const mainTaskLevel = Math.min(...taskLevels, Number.POSITIVE_INFINITY) + 1;

  sections.forEach((section, index) => {
    const context = contexts.get(section.path);
    if (!context) return;
    if (context.purposeStatement && context.purpose !== 'report') {
      purpose.push(...leadCandidates(section, index));
    } else if (context.tasks) {
      const heading = headingCandidate(section, index);
      if (heading && section.level <= mainTaskLevel) mainTasks.push(heading);
      else if (heading) taskDetail.push(heading);
      taskDetail.push(...leadCandidates(section, index));
    } else {
      const heading = headingCandidate(section, index);
      if (heading) otherLeads.push(heading);
      otherLeads.push(...leadCandidates(section, index));
    }
  });

  const located = (items: readonly { text: string; section: string }[]) =>
    items.map((item) => locate(item, sections)).filter((c): c is Candidate => c !== null);
  const goalTargets = located(input.targets.filter((t) => contexts.get(t.section)?.purpose === 'goal'));
  const otherTargets = located(input.targets.filter((t) => contexts.get(t.section)?.purpose !== 'goal'));
  const statistics = located(input.statistics);

  const tiers =
    input.kind === 'bao_cao'
      ? [purpose, goalTargets, statistics, otherTargets, mainTasks, otherLeads, taskDetail]
      : [purpose, goalTargets, otherTargets, mainTasks, taskDetail, statistics, otherLeads];
  return fill(tiers);
}

/** One summary per main part (Roman numeral, or the top numbering level when there is none). */
export function summariseSections(input: SummaryInput): SectionSummary[] {
  const { sections } = input;
  const roots = sections.filter((s) => s.level === 1);
  return roots.map((root) => {
    const inside = (path: string) => path === root.path || path.startsWith(`${root.path}.`);
    const headings: Candidate[] = [];
    const leads: Candidate[] = [];
    const detail: Candidate[] = [];
    sections.forEach((section, index) => {
      if (!inside(section.path)) return;
      if (section !== root) {
        const heading = headingCandidate(section, index);
        if (heading) headings.push(heading);
      }
      leads.push(...leadCandidates(section, index));
      section.lines.forEach((line, lineIndex) => {
        if (tableRow.test(line)) return;
        for (const sentence of sentencesOf(line).slice(1)) {
          detail.push({ text: sentence.text, section: section.path, order: orderOf(index, lineIndex, sentence.start) });
        }
      });
    });
    const located = (items: readonly { text: string; section: string }[]) =>
      items
        .filter((item) => inside(item.section))
        .map((item) => locate(item, sections))
        .filter((c): c is Candidate => c !== null);
    return {
      section: root.path,
      heading: root.heading,
      lines: fill([located(input.targets), headings, leads, located(input.statistics), detail]),
    };
  });
}
