import { ancestry, type SectionNode } from './structure';
import { PREAMBLE_PATH, type DocumentKind } from './types';
import { fold } from './vietnamese-text';

/**
 * What a section is for, judged from its heading or the nearest heading above it that says:
 * - goal: goals and targets ("Mục tiêu", "Chỉ tiêu", "Mục tiêu cụ thể");
 * - report: what happened ("Tình hình", "Kết quả", "Hạn chế", "Nguyên nhân");
 * - neutral: tasks, viewpoints, implementation: figures there count only when phrased as aims.
 */
export type SectionPurpose = 'goal' | 'report' | 'neutral';

export interface SectionContext {
  purpose: SectionPurpose;
  /** A list of targets ("Chỉ tiêu …", "Mục tiêu cụ thể"): each item is a target, figure or not. */
  targetList: boolean;
  /** Statement of purpose ("Mục đích", "Mục tiêu", "Mục tiêu tổng quát"): summary material. */
  purposeStatement: boolean;
  /** Tasks and solutions: the main body of work, led by their headings. */
  tasks: boolean;
}

// Headings are matched on folded text (no accents) so OCR that drops a tone mark still matches.
const goalWords = /\b(muc tieu|chi tieu)\b/;
const goalStart = /^(cac\s+)?(muc tieu|chi tieu)\b/;
const targetListWords = /\b(chi tieu|muc tieu cu the)\b/;
const mixedWords = /\b(nhiem vu|giai phap|quan diem|tinh hinh|ket qua)\b/;
// "Tình hình …" opens a review; inside a task heading ("Nắm chắc tình hình tư tưởng") it does not.
const reportWords =
  /^(tinh hinh|ket qua|thuc trang|uu diem|han che|khuyet diem|ton tai|nguyen nhan|bai hoc|mot so ket qua|nhung ket qua|danh gia (tinh hinh|ket qua|chung|thuc hien))|\b(danh gia tinh hinh|thuc trang|ket qua thuc hien|ket qua dat duoc|han che, yeu kem)\b/;
const neutralWords =
  /\b(nhiem vu|giai phap|to chuc thuc hien|quan diem|muc dich|yeu cau|noi dung|phuong huong|kien nghi|de xuat|phan cong|trach nhiem)\b/;
const purposeWords = /^(muc dich|muc tieu(?! cu the)(?!.*chi tieu))/;
const taskWords = /\b(nhiem vu|giai phap)\b/;

/** Kinds whose opening paragraphs review the past before the numbered parts start. */
const reviewingKinds: ReadonlySet<DocumentKind> = new Set(['nghi_quyet', 'bao_cao', 'ket_luan', 'chi_thi', 'khac']);

function headingPurpose(heading: string): SectionPurpose | null {
  const h = fold(heading);
  if (goalStart.test(h) || (goalWords.test(h) && !mixedWords.test(h))) return 'goal';
  if (reportWords.test(h)) return 'report';
  if (neutralWords.test(h)) return 'neutral';
  return null;
}

export function sectionContext(
  node: SectionNode,
  byPath: ReadonlyMap<string, SectionNode>,
  documentKind: DocumentKind,
): SectionContext {
  const chain = ancestry(node, byPath);
  let purpose: SectionPurpose | null = null;
  let decidedBy: SectionNode | null = null;
  for (const section of chain) {
    if (section.headingKind !== 'heading') continue;
    purpose = headingPurpose(section.heading);
    if (purpose) {
      decidedBy = section;
      break;
    }
  }
  if (purpose === null) {
    const structured = byPath.size > 1;
    if (node.path === PREAMBLE_PATH) {
      purpose = structured && reviewingKinds.has(documentKind) ? 'report' : 'neutral';
    } else {
      purpose = documentKind === 'bao_cao' ? 'report' : 'neutral';
    }
  }
  const decidingHeading = decidedBy ? fold(decidedBy.heading) : '';
  // A numbered paragraph has no heading of its own; the nearest printed heading speaks for it.
  const nearestHeading = chain.find((s) => s.headingKind === 'heading');
  return {
    purpose,
    targetList: purpose === 'goal' && targetListWords.test(decidingHeading),
    purposeStatement: nearestHeading !== undefined && purposeWords.test(fold(nearestHeading.heading)),
    tasks: purpose === 'neutral' && taskWords.test(decidingHeading),
  };
}
