import { kindFromNumber, toDocumentKind } from './document-numbers';
import { readDocumentEnd } from './document-end';
import { readHeader, readPlaceDate } from './header';
import type { DocumentKind, Signer } from './types';

/**
 * Who issued the document, where, when, under which number and title, who signed it and who
 * receives it; and which lines are left as the body once that furniture is taken off.
 */
export interface Metadata {
  kind: DocumentKind;
  number: string | null;
  title: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  issuedAt: string | null;
  signer: Signer | null;
  recipients: string[];
  bodyLines: string[];
}

const kindOfWord: Record<string, DocumentKind> = {
  'NGHỊ QUYẾT': 'nghi_quyet',
  'KẾ HOẠCH': 'ke_hoach',
  'BÁO CÁO': 'bao_cao',
  'KẾT LUẬN': 'ket_luan',
  'CHỈ THỊ': 'chi_thi',
  'QUY ĐỊNH': 'quy_dinh',
  'HƯỚNG DẪN': 'huong_dan',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'chuong_trinh_hanh_dong',
  'CÔNG VĂN': 'cong_van',
};

/** "của Ban Chấp hành Đảng bộ Khối năm 2023" → "Ban Chấp hành Đảng bộ Khối". */
const issuerInTitle =
  /^của\s+(.+?)(?=\s+(?:về|năm\s+\d{4}|khóa|khoá|nhiệm kỳ|lần thứ|tại|trong)(?![\p{L}])|$)/u;

/** "… Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết về …" in the opening paragraphs. */
const issuerInBody =
  /((?:Ban Chấp hành|Ban Thường vụ|Ban Bí thư|Bộ Chính trị|Đảng ủy|Đảng uỷ|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Chi ủy|Chi bộ|Đảng đoàn|Ban cán sự đảng)(?:\s+[\p{L}]+){0,6}?)\s+(?:thống nhất\s+)?(?:ban hành|xây dựng)\s+(?:Nghị quyết|Kế hoạch|Chỉ thị|Kết luận|Quy định|Hướng dẫn|Chương trình|Báo cáo)(?![\p{L}])/u;

export function readMetadata(text: string): Metadata {
  const groups = text
    .split(/\n{2,}/)
    .map((group) => group.split('\n').filter((line) => line.trim() !== ''))
    .filter((group) => group.length > 0);
  const lines = groups.flat();
  const header = readHeader(groups);
  const end = readDocumentEnd(lines);
  const bodyEnd = Math.max(end.start, header.bodyStart);
  let bodyLines = lines.slice(header.bodyStart, bodyEnd);

  const joinedTitle = header.titleParts.join(' ').replace(/\s+/g, ' ').trim();
  const subjectStart = /(?:^|\s)(về\s.*)$/u.exec(joinedTitle);
  const ownIssuer = issuerInTitle.exec(joinedTitle)?.[1] ?? null;
  const title =
    (ownIssuer && subjectStart?.[1] ? subjectStart[1] : joinedTitle) || header.subject || null;

  const organisations = header.organisations;
  const opening = bodyLines.slice(0, 6).join(' ');
  const issuer =
    organisations[organisations.length - 1] ?? ownIssuer ?? issuerInBody.exec(opening)?.[1] ?? null;

  let place = header.place;
  let issuedAt = header.issuedAt;
  if (issuedAt === null) {
    // Some scans put the place and date line under the title or above the signature; it is
    // metadata wherever it stands.
    const at = lines.findIndex((line) => readPlaceDate(line)?.date);
    const found = at >= 0 ? readPlaceDate(lines[at] ?? '') : null;
    if (found) {
      place = found.place;
      issuedAt = found.date;
      bodyLines = bodyLines.filter((_, i) => i + header.bodyStart !== at);
    }
  }

  const kind: DocumentKind =
    (header.kindWord ? kindOfWord[header.kindWord] : undefined) ??
    (header.kindWord ? 'khac' : undefined) ??
    (header.subject ? 'cong_van' : undefined) ??
    (header.number ? toDocumentKind(kindFromNumber(header.number)) : 'khac');

  return {
    kind,
    number: header.number,
    title,
    issuer,
    parentIssuer: organisations.length > 1 ? (organisations[organisations.length - 2] ?? null) : null,
    place,
    issuedAt,
    signer: end.signer,
    recipients: [...header.addressees, ...end.recipients],
    bodyLines,
  };
}
