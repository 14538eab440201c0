/**
 * Shapes produced by the document pipeline. Everything here is plain data so a parsed
 * document can be stored as JSON, sent to a Worker or compared in a test.
 */

export const documentKinds = [
  'nghi_quyet',
  'ke_hoach',
  'bao_cao',
  'ket_luan',
  'chi_thi',
  'quy_dinh',
  'huong_dan',
  'chuong_trinh_hanh_dong',
  'cong_van',
  'khac',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Path of the text that stands before the first numbered heading (the opening paragraphs). */
export const PREAMBLE_PATH = 'preamble';

export interface Signer {
  /** The signer's position in sentence case, e.g. "Bí thư", "Phó Bí thư". */
  title: string | null;
  /** Personal name as printed under the signature, e.g. "Vũ Hữu Thi". */
  name: string | null;
  /** The capacity line above the position, e.g. "T/M Ban Chấp hành", "K/T Bí thư". */
  onBehalfOf: string | null;
}

export interface Section {
  /** "I", "I.1", "II.2.1", "III.3.5.1"; {@link PREAMBLE_PATH} for the opening text. */
  path: string;
  /** Heading without its number. For a numbered paragraph, its lead clause (shortened). */
  heading: string;
  /** Body text that belongs to this section itself (not its subsections), one paragraph or bullet a line. */
  text: string;
  /** Depth: 0 for the preamble, 1 for the top numbering level, and so on. */
  level: number;
}

export interface Footnote {
  /** Marker as digits, e.g. "1" for "¹" or "[1]". */
  marker: string;
  text: string;
  /** Path of the section where the marker first occurs in the body, if it occurs at all. */
  section: string | null;
}

export const figureKinds = ['percent', 'count', 'range', 'year', 'deadline', 'ratio'] as const;
export type FigureKind = (typeof figureKinds)[number];

export interface Figure {
  kind: FigureKind;
  /** The figure as printed, with its bound words: "90% trở lên", "từ 15% đến 20%", "trước ngày 30/6/2024". */
  raw: string;
  /** Numeric value: the number, the year of a deadline, or numerator/denominator of a ratio. */
  value?: number;
  /** Lower bound ("trở lên", "từ", "trên", "ít nhất") or the low end of a range. */
  min?: number;
  /** Upper bound ("dưới", "không quá", "tối đa") or the high end of a range. */
  max?: number;
  /** "%" for percentages and percentage ranges. */
  unit?: string;
  /** ISO date ("YYYY-MM-DD" or "YYYY-MM") of a dated deadline. */
  date?: string;
}

export interface Target {
  /** The clause, sentence or bullet the target stands in, verbatim from the normalised body. */
  text: string;
  section: string;
  values: Figure[];
  /** The lead-in line the target hangs from, e.g. "Đối với cấp ủy đảng trong các doanh nghiệp ngoài Nhà nước:". */
  context: string | null;
  /** Body named as responsible in the same section ("Cơ quan chủ trì: …"), if any. */
  responsible: string | null;
}

export interface Statistic {
  /** A reported figure's clause, verbatim from the normalised body or a footnote. */
  text: string;
  section: string;
  values: Figure[];
}

export interface Reference {
  /** Number as printed, NFC, e.g. "21-NQ/TW", "04/2015/NĐ-CP". */
  number: string;
  /** ISO date when the citation gives one. */
  date: string | null;
  /** "nghi_quyet", "ket_luan", "chi_thi", "quy_dinh", "quyet_dinh", "huong_dan", "nghi_dinh", … */
  kind: string | null;
}

export interface SummaryLine {
  /** Verbatim sentence, clause, bullet or heading from the normalised body. */
  text: string;
  section: string;
}

export interface SectionSummary {
  section: string;
  heading: string;
  lines: SummaryLine[];
}

export interface ParsedDocument {
  kind: DocumentKind;
  number: string | null;
  title: string | null;
  issuer: string | null;
  /** The body above the issuer in the header, e.g. "Đảng bộ tỉnh Trà Vinh". */
  parentIssuer: string | null;
  place: string | null;
  issuedAt: string | null;
  signer: Signer | null;
  recipients: string[];
  /** The normalised body (header, recipients and signature removed), one paragraph a line. */
  body: string;
  sections: Section[];
  footnotes: Footnote[];
  targets: Target[];
  statistics: Statistic[];
  references: Reference[];
  summary: SummaryLine[];
  sectionSummaries: SectionSummary[];
}

/** Budget for one summary: a Telegram message holds 4096 characters; leave room for labels. */
export const SUMMARY_MAX_CHARS = 3500;
