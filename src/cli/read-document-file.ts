import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';

export const maxDocumentBytes = 5 * 1024 * 1024;

export class DocumentFileError extends Error {
  override name = 'DocumentFileError';
  constructor(
    readonly code: 'not_found' | 'too_large' | 'empty' | 'binary' | 'unsupported' | 'unreadable' | 'no_text_layer',
    readonly file: string,
  ) {
    super(code);
  }
}

/** Reads .txt, .md, .docx or a text-layer .pdf into plain text (NFC is applied by the parser). */
export async function readDocumentFile(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new DocumentFileError('not_found', file);
  if (info.size > maxDocumentBytes) throw new DocumentFileError('too_large', file);
  if (info.size === 0) throw new DocumentFileError('empty', file);
  const bytes = await readFile(file);
  const ext = extname(file).toLowerCase();
  let text: string;
  if (ext === '.txt' || ext === '.md') {
    if (bytes.includes(0)) throw new DocumentFileError('binary', file);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DocumentFileError('binary', file);
    }
  } else if (ext === '.docx') {
    text = await docxText(bytes, file);
  } else if (ext === '.pdf') {
    text = await pdfText(bytes, file);
  } else {
    throw new DocumentFileError('unsupported', file);
  }
  if (text.replace(/\s/g, '') === '') throw new DocumentFileError(ext === '.pdf' ? 'no_text_layer' : 'empty', file);
  return text;
}

async function docxText(bytes: Buffer, file: string): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch {
    throw new DocumentFileError('unreadable', file);
  }
}

async function pdfText(bytes: Buffer, file: string): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    // Pages joined by a blank line; the parser rejoins sentences broken across pages.
    return (text as string[]).join('\n\n');
  } catch {
    throw new DocumentFileError('unreadable', file);
  }
}
