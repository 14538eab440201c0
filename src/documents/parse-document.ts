import { markerForms } from './footnotes';
import { readMetadata } from './metadata';
import { normaliseText } from './normalise';
import { findReferences } from './references';
import { sectionContext, type SectionContext } from './section-context';
import { buildSections, toSection, type SectionNode } from './structure';
import { summariseDocument, summariseSections } from './summary';
import { findTargetsAndStatistics } from './targets';
import type { Footnote, ParsedDocument } from './types';

/**
 * The whole pipeline: normalise → metadata (header and foot) → section tree → targets and
 * statistics, references → summaries. Pure: text in, data out; runs on Node and Workers.
 * Throws DocumentParseError only when the input is not a text at all (empty, binary, huge).
 */
export function parseDocument(text: string): ParsedDocument {
  const normalised = normaliseText(text);
  const metadata = readMetadata(normalised.text);
  const sections = buildSections(metadata.bodyLines);
  const footnotes = attachFootnotes(normalised.footnotes, sections);
  const { targets, statistics } = findTargetsAndStatistics(sections, metadata.kind, footnotes);

  const byPath = new Map(sections.map((s) => [s.path, s]));
  const contexts = new Map<string, SectionContext>(
    sections.map((s) => [s.path, sectionContext(s, byPath, metadata.kind)]),
  );
  const summaryInput = { kind: metadata.kind, sections, contexts, targets, statistics };
  const body = metadata.bodyLines.join('\n');

  return {
    kind: metadata.kind,
    number: metadata.number,
    title: metadata.title,
    issuer: metadata.issuer,
    parentIssuer: metadata.parentIssuer,
    place: metadata.place,
    issuedAt: metadata.issuedAt,
    signer: metadata.signer,
    recipients: metadata.recipients,
    body,
    sections: sections.map(toSection),
    footnotes,
    targets,
    statistics,
    references: findReferences(
      [metadata.title ?? '', body, ...footnotes.map((f) => f.text)],
      metadata.number,
    ),
    summary: summariseDocument(summaryInput),
    sectionSummaries: summariseSections(summaryInput),
  };
}

/** Each footnote goes to the section whose text first carries its marker. */
function attachFootnotes(
  raw: readonly { marker: string; text: string }[],
  sections: readonly SectionNode[],
): Footnote[] {
  return raw.map(({ marker, text }) => {
    const forms = markerForms(marker);
    const home = sections.find((s) =>
      forms.some((form) => s.text.includes(form) || s.heading.includes(form)),
    );
    return { marker, text, section: home?.path ?? null };
  });
}
