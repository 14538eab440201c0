/**
 * Party and state bodies named in running text: "Ban Tổ chức Đảng ủy Khối", "Ủy ban Kiểm tra
 * Tỉnh ủy", "Văn phòng Đảng ủy Khối", "Trường Chính trị tỉnh". A body is a unit name followed by
 * the committee it belongs to; "Ban Thường vụ, Thường trực Đảng ủy Khối" names two bodies of the
 * same committee (the owner is written once).
 */
import { foldText, type Span } from './text';

const uy = '(?:ủy|uỷ)';
const Uy = '(?:Ủy|Uỷ)';

/** Units of a committee, longest first so "Ban Tuyên giáo và Dân vận" wins over "Ban Tuyên giáo". */
const unitNames: readonly string[] = [
  'Ban Tuyên giáo và Dân vận',
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Ban Tổ chức',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Ban Nội chính',
  'Ban Kinh tế',
  'Ban Bảo vệ chăm sóc sức khỏe cán bộ',
  `${Uy} ban Kiểm tra`,
  'Văn phòng',
  'Thường trực',
  'Trường Chính trị',
  'Trung tâm Chính trị',
  'Đảng đoàn',
  'Ban cán sự đảng',
];

/** Bodies that stand without an owner. */
const standaloneNames: readonly string[] = ['Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc'];

/** The committee a unit belongs to, longest first. */
const ownerNames: readonly string[] = [
  `Đảng ${uy} Khối`,
  `Đảng ${uy} khối`,
  'Đảng bộ Khối',
  'Đảng bộ tỉnh',
  `Tỉnh ${uy}`,
  `Thành ${uy}`,
  `Huyện ${uy}`,
  `Thị ${uy}`,
  `Quận ${uy}`,
  'Trung ương Đảng',
  'Trung ương',
  `Đảng ${uy}`,
  'tỉnh',
];

const notLetterBefore = '(?<![\\p{L}\\d])';
const notLetterAfter = '(?![\\p{L}\\d])';
const unitPattern = new RegExp(
  `${notLetterBefore}(${[...standaloneNames, ...unitNames].join('|')})${notLetterAfter}`,
  'gu',
);
const ownerPattern = new RegExp(`^\\s+(${ownerNames.join('|')})${notLetterAfter}`, 'u');
const standalonePattern = new RegExp(`^(?:${standaloneNames.join('|')})$`, 'u');
/** Between two units whose owner is written once: "Ban Thường vụ, Thường trực Đảng ủy Khối". */
const elisionGap = /^\s*(?:,|và)\s*$/u;

export interface BodyMention extends Span {
  /** The body's full name: as printed, or with the owner carried over from the next unit. */
  name: string;
  /** Whether the name is printed as one piece (no owner carried over). */
  printed: boolean;
}

interface UnitHit {
  start: number;
  /** End of the unit name itself. */
  unitEnd: number;
  unit: string;
  owner: string | null;
  /** End including the owner. */
  end: number;
}

/** Every body named in a line, in order. */
export function findBodies(line: string): BodyMention[] {
  const hits: UnitHit[] = [];
  for (const m of line.matchAll(unitPattern)) {
    const unit = m[1] ?? '';
    const start = m.index ?? 0;
    const unitEnd = start + m[0].length;
    const owner = ownerPattern.exec(line.slice(unitEnd));
    hits.push({
      start,
      unitEnd,
      unit,
      owner: owner?.[1] ?? null,
      end: unitEnd + (owner ? owner[0].length : 0),
    });
  }
  // Carry an owner back over "X, Y <owner>" and "X và Y <owner>", from right to left.
  for (let i = hits.length - 2; i >= 0; i--) {
    const hit = hits[i];
    const next = hits[i + 1];
    if (!hit || !next || hit.owner !== null || next.owner === null) continue;
    if (elisionGap.test(line.slice(hit.unitEnd, next.start))) hit.owner = next.owner;
  }
  const out: BodyMention[] = [];
  for (const hit of hits) {
    const standalone = standalonePattern.test(hit.unit);
    if (hit.owner === null && !standalone) continue;
    const carried = hit.owner !== null && hit.end === hit.unitEnd;
    out.push({
      text: line.slice(hit.start, hit.end),
      start: hit.start,
      end: hit.end,
      name: carried ? `${hit.unit} ${hit.owner}` : line.slice(hit.start, hit.end),
      printed: !carried,
    });
  }
  return out;
}

/** A key that treats "Đảng ủy Khối" and "Đảng uỷ khối" as the same body. */
export function bodyKey(name: string): string {
  return foldText(name).replace(/\s+/gu, ' ').trim();
}
