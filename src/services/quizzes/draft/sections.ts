/**
 * What a section is part of, judged from printed headings: the implementation part ("Tổ chức
 * thực hiện") and report parts ("Tình hình", "Kết quả" …) whose figures are no rules.
 */
import { PREAMBLE_PATH, type Section } from '../../../documents/types';
import { foldText } from './text';

/**
 * A numbered paragraph has a shortened lead of its own text as heading; only a printed heading
 * says what the part is about.
 */
export function hasPrintedHeading(section: Section): boolean {
  const lead = section.heading.replace(/…$/u, '').trim();
  if (lead.length === 0) return false;
  return !section.text.startsWith(lead);
}

/** The section and the sections above it, nearest first ("II.2.1" → II.2.1, II.2, II). */
export function chainOf(section: Section, byPath: ReadonlyMap<string, Section>): Section[] {
  const chain: Section[] = [section];
  const parts = section.path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const parent = byPath.get(parts.slice(0, n).join('.'));
    if (parent) chain.push(parent);
  }
  return chain;
}

const implementationHeading = /^(to chuc thuc hien|phan cong (to chuc )?thuc hien|trach nhiem (to chuc )?thuc hien)\b/u;
const reportHeading =
  /^(tinh hinh|ket qua|thuc trang|uu diem|han che|khuyet diem|ton tai|nguyen nhan|bai hoc|danh gia)\b/u;

function headingMatches(section: Section, byPath: ReadonlyMap<string, Section>, pattern: RegExp): boolean {
  return chainOf(section, byPath).some((s) => hasPrintedHeading(s) && pattern.test(foldText(s.heading).trim()));
}

export function inImplementationPart(section: Section, byPath: ReadonlyMap<string, Section>): boolean {
  return headingMatches(section, byPath, implementationHeading);
}

/** The opening review and "situation / results / shortcomings" parts report, they do not rule. */
export function inReportPart(section: Section, byPath: ReadonlyMap<string, Section>): boolean {
  return section.path === PREAMBLE_PATH || headingMatches(section, byPath, reportHeading);
}
