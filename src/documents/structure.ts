import { matchHeadingNumber } from './line-patterns';
import { PREAMBLE_PATH, type Section } from './types';

/**
 * Builds the section tree from numbered headings: Roman parts (I., II-), then 1., 2.1., 3.5.1.,
 * then a), b). Paths join the numbers: "II", "II.3", "II.3.5.1", "II.3.a".
 */

export interface SectionNode extends Section {
  /** Path of the enclosing section; null for top-level sections and the preamble. */
  parent: string | null;
  /**
   * "heading": the heading is printed as is. "paragraph": the number opens a paragraph, and
   * `heading` is a shortened lead of it (so it is not quoted anywhere as if it were verbatim).
   */
  headingKind: 'heading' | 'paragraph' | 'none';
  /** The body lines that belong to this section itself, one paragraph or bullet each. */
  lines: string[];
}

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = romanValues[numeral.charAt(i)] ?? 0;
    const next = romanValues[numeral.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const HEADING_MAX_WORDS = 40;

const letterOrder = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'k', 'l', 'm', 'n'];

/** Whether a numbered line is a heading or a paragraph that merely carries a number. */
function splitNumberedLine(rest: string): { heading: string; kind: 'heading' | 'paragraph'; text: string | null } {
  const words = rest.split(/\s+/).length;
  const finished = /[.;]["”’)]?$/u.test(rest) || /\.\/\.$/u.test(rest);
  const innerSentence = /[.;]\s+\p{Lu}/u.test(rest.slice(0, -1));
  // Headings carry no full stop; a numbered line that ends like a sentence and says
  // something (several words or a figure) is an item of text.
  if ((finished && (words > 8 || innerSentence || /\d/u.test(rest))) || words > HEADING_MAX_WORDS) {
    return { heading: leadOf(rest), kind: 'paragraph', text: rest };
  }
  // "1. Mục tiêu: Tạo sự chuyển biến …": a short label, then the text on the same line.
  const colon = /^([^:]{3,80}?):\s+(\S.{29,})$/u.exec(rest);
  if (colon?.[1] && colon[2] && !/\d/u.test(colon[1])) {
    return { heading: colon[1].trim(), kind: 'heading', text: colon[2] };
  }
  return { heading: rest.replace(/[.:]$/u, '').trim(), kind: 'heading', text: null };
}

/** First clause of a paragraph, cut to a menu-sized label. */
function leadOf(text: string): string {
  const clause = /^(.+?)(?:[.;:](?:\s|$)|$)/u.exec(text)?.[1] ?? text;
  if (clause.length <= 100) return clause;
  const cut = clause.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[\s,;]+$/u, '')}…`;
}

export function buildSections(bodyLines: readonly string[]): SectionNode[] {
  const preamble: SectionNode = {
    path: PREAMBLE_PATH,
    heading: '',
    text: '',
    level: 0,
    parent: null,
    headingKind: 'none',
    lines: [],
  };
  const sections: SectionNode[] = [preamble];
  const paths = new Set<string>();
  let current = preamble;
  let roman: { numeral: string; value: number } | null = null;
  let arabic: number[] = [];
  let letter: string | null = null;

  const open = (path: string, parent: string | null, rest: string) => {
    const split = splitNumberedLine(rest);
    const node: SectionNode = {
      path,
      heading: split.heading,
      text: '',
      level: path.split('.').length,
      parent,
      headingKind: split.kind,
      lines: split.text ? [split.text] : [],
    };
    paths.add(path);
    sections.push(node);
    current = node;
  };

  for (const line of bodyLines) {
    const number = matchHeadingNumber(line);
    const prefix = roman ? `${roman.numeral}.` : '';

    if (number?.kind === 'roman') {
      const value = romanValue(number.number);
      if (value > 0 && (!roman || value > roman.value) && !paths.has(number.number)) {
        roman = { numeral: number.number, value };
        arabic = [];
        letter = null;
        open(number.number, null, number.rest);
        continue;
      }
    }

    if (number?.kind === 'arabic') {
      const [first] = number.numbers;
      const top = arabic[0] ?? 0;
      const path = prefix + number.numbers.join('.');
      // A number below the running one ("1." under "2.2.") starts a list inside the
      // current section, not a new section.
      const plausible =
        first !== undefined &&
        (first > top || (first === top && number.numbers.length > 1)) &&
        !paths.has(path);
      if (plausible) {
        arabic = number.numbers;
        letter = null;
        const parentNumbers = number.numbers.slice(0, -1);
        let parent: string | null = roman ? roman.numeral : null;
        for (let depth = parentNumbers.length; depth > 0; depth--) {
          const candidate = prefix + parentNumbers.slice(0, depth).join('.');
          if (paths.has(candidate)) {
            parent = candidate;
            break;
          }
        }
        open(path, parent, number.rest);
        continue;
      }
    }

    if (number?.kind === 'letter' && (arabic.length > 0 || roman)) {
      const next = letter === null ? 0 : letterOrder.indexOf(letter) + 1;
      // Vietnamese lists run a, b, c, d, đ, e …; many documents skip "đ".
      const expected = letterOrder.slice(next, letterOrder[next] === 'đ' ? next + 2 : next + 1);
      const base = arabic.length > 0 ? prefix + arabic.join('.') : (roman?.numeral ?? '');
      const path = `${base}.${number.letter}`;
      if (expected.includes(number.letter) && !paths.has(path)) {
        letter = number.letter;
        open(path, base, number.rest);
        continue;
      }
    }

    current.lines.push(line);
  }

  for (const section of sections) section.text = section.lines.join('\n');
  return sections.filter((s) => s.path !== PREAMBLE_PATH || s.lines.length > 0);
}

/** Public view of a section: path, heading, text and level only. */
export function toSection(node: SectionNode): Section {
  return { path: node.path, heading: node.heading, text: node.text, level: node.level };
}

/** The section and all its ancestors, nearest first. */
export function ancestry(node: SectionNode, byPath: ReadonlyMap<string, SectionNode>): SectionNode[] {
  const chain: SectionNode[] = [];
  let walker: SectionNode | undefined = node;
  while (walker) {
    chain.push(walker);
    walker = walker.parent ? byPath.get(walker.parent) : undefined;
  }
  return chain;
}
