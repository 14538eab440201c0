import { documentNumberSource, isoDate, tidyNumber } from './document-numbers';
import { addresseesStart, bulletLine, matchHeadingNumber } from './line-patterns';
import { readRecipients } from './document-end';
import { isAllCaps, restoreCase, startsWithLowercase } from './vietnamese-text';

/**
 * The letterhead and title block: issuing bodies, "Số …", "…, ngày … tháng … năm …", the kind
 * line ("NGHỊ QUYẾT") with the title under it, and a công văn's "V/v …" and "Kính gửi:".
 */
export interface Header {
  /** Index of the first body line in the flat list of lines. */
  bodyStart: number;
  kindWord: string | null;
  number: string | null;
  place: string | null;
  issuedAt: string | null;
  /** Issuing bodies from the letterhead, outermost first, in running-text case. */
  organisations: string[];
  /** Title parts, in running-text case: the kind line's remainder and the lines under it. */
  titleParts: string[];
  /** Subject of a công văn ("V/v …"). */
  subject: string | null;
  addressees: string[];
}

export const kindLine =
  /^(NGHỊ QUYẾT|KẾ HOẠCH|BÁO CÁO|KẾT LUẬN|CHỈ THỊ|QUY ĐỊNH|HƯỚNG DẪN|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|CÔNG VĂN|QUYẾT ĐỊNH|THÔNG BÁO|TỜ TRÌNH|ĐỀ ÁN|THÔNG TRI)(?![\p{L}])[\s:]*(.*)$/u;

const motto =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/iu;

const numberLine = new RegExp(`^Số\\s*:?\\s*(${documentNumberSource})`, 'u');
const emptyNumberLine = /^Số\s*:?\s*[-–]?\s*\p{Lu}{1,5}\s*\/\s*\p{Lu}/u;

export const placeDateLine =
  /^([\p{L}][\p{L} .'-]{1,40}?),\s*ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s*năm\s+(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))\s*\.?$/u;

const subjectLine = /^V\/v\s*:?\s*(.+)$/iu;

/** Lines that start a new body in a letterhead ("ĐẢNG ỦY KHỐI …" after "ĐẢNG BỘ TỈNH …"). */
const organisationHead =
  /^(?:ĐẢNG ỦY|ĐẢNG BỘ|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|THỊ ỦY|QUẬN ỦY|BAN\s|CHI BỘ|CHI ỦY|ĐẢNG ĐOÀN|ỦY BAN|UỶ BAN|VĂN PHÒNG|BỘ\s|SỞ\s|UBND|HĐND|HỘI ĐỒNG|TRƯỜNG|CÔNG ĐOÀN|ĐOÀN\s|MẶT TRẬN)/u;

export function readPlaceDate(line: string): { place: string; date: string | null } | null {
  const m = placeDateLine.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const month = m[3] ?? m[5];
  const year = m[4] ?? m[6];
  return { place: m[1].trim(), date: month && year ? isoDate(m[2], month, year) : null };
}

/** A line that can be part of a title: short, no heading number, not a finished sentence. */
function titleLike(line: string, sameGroup: boolean): boolean {
  if (matchHeadingNumber(line) || bulletLine.test(line) || line.length > 300) return false;
  if (/[.:;]$/u.test(line) && !/\.\.\.$/u.test(line)) return false;
  return sameGroup || startsWithLowercase(line) || isAllCaps(line) || /^\(/u.test(line);
}

/** How many leading lines may be letterhead before the body is taken to have started. */
const HEADER_WINDOW = 30;

export function readHeader(groups: readonly (readonly string[])[]): Header {
  const header: Header = {
    bodyStart: 0,
    kindWord: null,
    number: null,
    place: null,
    issuedAt: null,
    organisations: [],
    titleParts: [],
    subject: null,
    addressees: [],
  };
  const organisationLines: string[] = [];
  let index = 0;
  let title: 'none' | 'open' | 'closed' = 'none';
  let addressees: string[] | null = null;

  outer: for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      const line = group[i] ?? '';
      if (index >= HEADER_WINDOW) break outer;
      if (addressees) {
        // Addressees are bullets, or one short line right under "Kính gửi:".
        const shortLine = line.length <= 120 && addressees.length === 0;
        if (bulletLine.test(line) || (i > 0 && shortLine)) {
          addressees.push(line);
          index++;
          continue;
        }
        header.addressees = readRecipients(['Kính gửi:', ...addressees]);
        addressees = null;
      }
      if (title === 'open' && titleLike(line, i > 0)) {
        header.titleParts.push(restoreCase(line, { sentenceStart: false }));
        index++;
        continue;
      }
      if (title === 'open') title = 'closed';

      const kind = kindLine.exec(line);
      const number = numberLine.exec(line);
      const placeDate = readPlaceDate(line);
      const subject = subjectLine.exec(line);
      const addressed = addresseesStart.exec(line);
      if (motto.test(line) || emptyNumberLine.test(line)) {
        // letterhead furniture
      } else if (number?.[1]) {
        header.number = tidyNumber(number[1]);
      } else if (placeDate) {
        header.place = placeDate.place;
        header.issuedAt = placeDate.date;
      } else if (subject?.[1]) {
        header.subject = subject[1].trim();
      } else if (addressed) {
        addressees = addressed[1] ? [addressed[1]] : [];
      } else if (kind?.[1] && title === 'none') {
        header.kindWord = kind[1];
        if (kind[2]) header.titleParts.push(restoreCase(kind[2], { sentenceStart: false }));
        title = 'open';
      } else if (title === 'none' && isAllCaps(line) && !matchHeadingNumber(line)) {
        organisationLines.push(line);
      } else {
        break outer;
      }
      index++;
    }
    // A title may sit one blank line below its kind line, never further.
    if (title === 'open' && header.titleParts.length > 0) title = 'closed';
  }
  if (addressees) header.addressees = readRecipients(['Kính gửi:', ...addressees]);

  const nothingFound =
    header.kindWord === null && header.number === null && header.issuedAt === null && header.subject === null;
  header.bodyStart = nothingFound ? 0 : index;
  header.organisations = nothingFound ? [] : groupOrganisations(organisationLines);
  return header;
}

function groupOrganisations(lines: readonly string[]): string[] {
  const organisations: string[] = [];
  for (const line of lines) {
    const last = organisations.length - 1;
    if (organisationHead.test(line) || last < 0) organisations.push(line);
    else organisations[last] = `${organisations[last]} ${line}`;
  }
  return organisations.map((o) => restoreCase(o));
}
