import { bulletLine, recipientsStart, signatureCapacity, signerPosition } from './line-patterns';
import type { Signer } from './types';
import { capitalise, isAllCaps, restoreCase, startsWithLowercase } from './vietnamese-text';

/**
 * The foot of a document: the "Nơi nhận:" list and the signature block. Both are metadata;
 * neither belongs in the text members read or are quizzed on.
 */
export interface DocumentEnd {
  /** Index of the first line of the foot (lines.length when there is none). */
  start: number;
  recipients: string[];
  signer: Signer | null;
}

/** The foot is searched for only among the last lines, so a "T/M" quoted in the body is safe. */
const FOOT_WINDOW = 40;

const signatureNote = /^\(.*\)$|^(?:đã ký|ký tên|signed)$/iu;
/** Words of a position ("PHÓ BÍ THƯ THƯỜNG TRỰC"); a capitalised line without one is a name. */
const positionWords = /BÍ THƯ|TRƯỞNG|PHÓ|CHỦ NHIỆM|CHỦ TỊCH|GIÁM ĐỐC|ỦY VIÊN|UỶ VIÊN|CHÁNH|THƯỜNG TRỰC/u;
const personalName = /^(?:\p{Lu}[\p{Ll}]*|\p{Lu}+)(?:\s+(?:\p{Lu}[\p{Ll}]*|\p{Lu}+)){1,5}$/u;

export function readDocumentEnd(lines: readonly string[]): DocumentEnd {
  const from = Math.max(0, lines.length - FOOT_WINDOW);
  let recipientsAt = -1;
  let signatureAt = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i] ?? '';
    if (recipientsAt < 0 && recipientsStart.test(line)) recipientsAt = i;
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (i === recipientsAt) continue;
    if (signatureCapacity.test(line) || (signerPosition.test(line) && i >= lines.length - 8)) {
      signatureAt = i;
      break;
    }
  }
  const starts = [recipientsAt, signatureAt].filter((i) => i >= 0);
  if (starts.length === 0) return { start: lines.length, recipients: [], signer: null };
  const start = Math.min(...starts);

  // The two blocks stand side by side on the page; a converter may print them one after the
  // other or line by line in turn. Bullets after "Nơi nhận:" are recipients wherever they fall.
  const recipientLines: string[] = [];
  const signatureLines: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const afterRecipients = recipientsAt >= 0 && i >= recipientsAt;
    const beforeSignature = signatureAt < recipientsAt || i < signatureAt;
    if (afterRecipients && (beforeSignature || bulletLine.test(line))) recipientLines.push(line);
    else if (signatureAt >= 0 && i >= signatureAt) signatureLines.push(line);
  }
  return {
    start,
    recipients: recipientLines.length > 0 ? readRecipients(recipientLines) : [],
    signer: signatureLines.length > 0 ? readSigner(signatureLines) : null,
  };
}

/** One entry per recipient, without the bullet, table bars or the trailing comma. */
export function readRecipients(block: readonly string[]): string[] {
  const out: string[] = [];
  const first = recipientsStart.exec(block[0] ?? '');
  const lines = [first?.[1] ?? '', ...block.slice(1)].filter((l) => l.trim() !== '');
  for (const line of lines) {
    const cleaned = line
      .replace(/^[-+•]\s*/u, '')
      .replace(/\s*\|\s*/g, ' ')
      .replace(/,\s*(?=\()/u, ' ')
      .replace(/[\s,;.]+$/u, '')
      .trim();
    if (cleaned === '') continue;
    const previous = out[out.length - 1];
    if (previous !== undefined && !/^[-+•]/u.test(line) && startsWithLowercase(line)) {
      out[out.length - 1] = `${previous} ${cleaned}`;
    } else {
      out.push(cleaned);
    }
  }
  return out;
}

function readSigner(block: readonly string[]): Signer {
  let onBehalfOf: string | null = null;
  let title: string | null = null;
  let name: string | null = null;
  for (const line of block) {
    const capacity = signatureCapacity.exec(line);
    if (capacity?.[1] && capacity[2] && onBehalfOf === null && title === null) {
      onBehalfOf = `${capacity[1]} ${restoreCase(capacity[2])}`;
      continue;
    }
    if (title === null && positionWords.test(line) && isAllCaps(line)) {
      title = restoreCase(line);
      continue;
    }
    if (signatureNote.test(line)) continue;
    if (name === null && personalName.test(line)) {
      name = isAllCaps(line)
        ? line
            .toLocaleLowerCase('vi')
            .split(/\s+/)
            .map((w) => capitalise(w))
            .join(' ')
        : line;
    }
  }
  return { title, name, onBehalfOf };
}
