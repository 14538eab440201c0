import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { SUMMARY_MAX_CHARS, type ParsedDocument, type Reference } from '../../src/documents';

/** The shared corpus lives next to the project: ../shared/corpus from the repository root. */
export function corpusText(name: string): string {
  return readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8');
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Total length of summary lines as they would be sent, one a line. */
export function summaryLength(lines: readonly { text: string }[]): number {
  return lines.reduce((n, l, i) => n + l.text.length + (i > 0 ? 1 : 0), 0);
}

/**
 * The document's targets, in order, must be exactly these: one [section, distinctive text]
 * pair per target. A missing target or an extra one fails.
 */
export function expectTargets(doc: ParsedDocument, expected: readonly [string, string][]): void {
  expect(doc.targets.map((t) => [t.section, t.text])).toEqual(
    expected.map(([section, text]) => [section, expect.stringContaining(text)]),
  );
}

export function expectReferences(doc: ParsedDocument, expected: readonly Reference[]): void {
  const byNumber = (a: Reference, b: Reference) => a.number.localeCompare(b.number);
  expect([...doc.references].sort(byNumber)).toEqual([...expected].sort(byNumber));
}

/** Summaries quote the body and nothing else, with section paths that exist, within budget. */
export function expectFaithfulSummaries(doc: ParsedDocument): void {
  const paths = new Set(doc.sections.map((s) => s.path));
  const all = [...doc.summary, ...doc.sectionSummaries.flatMap((s) => s.lines)];
  for (const line of all) {
    expect(doc.body, `summary line not in body: ${line.text}`).toContain(line.text);
    expect(paths.has(line.section), `unknown section ${line.section}`).toBe(true);
    expect(line.text.trim()).toBe(line.text);
    expect(line.text.length).toBeGreaterThan(0);
  }
  expect(summaryLength(doc.summary)).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
  for (const section of doc.sectionSummaries) {
    expect(summaryLength(section.lines)).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    for (const line of section.lines) {
      expect(line.section === section.section || line.section.startsWith(`${section.section}.`)).toBe(true);
    }
  }
  for (const target of doc.targets) expect(doc.body).toContain(target.text);
}

/** Nothing from the "Nơi nhận" block or the signature is left in the text members read. */
export function expectFootRemoved(doc: ParsedDocument): void {
  expect(doc.body).not.toMatch(/Nơi nhận/u);
  expect(doc.body).not.toMatch(/^T\/M\b/mu);
  const bodyLines = doc.body.split('\n');
  for (const recipient of doc.recipients) {
    const asLine = (line: string) => line.replace(/^[-+]\s*/u, '').replace(/[\s,;.|]+$/u, '');
    expect(bodyLines.some((line) => asLine(line) === recipient), recipient).toBe(false);
  }
  if (doc.signer?.name) expect(doc.body).not.toContain(doc.signer.name);
}
