import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Table } from '../services/roster/table';

export class TableFileError extends Error {
  override name = 'TableFileError';
  constructor(readonly code: 'not_found' | 'unsupported' | 'unreadable' | 'too_large', readonly file: string) {
    super(code);
  }
}

const maxBytes = 20 * 1024 * 1024;

/** Reads the first sheet of a .csv or .xlsx file; `line` is the row number a person sees in the file. */
export async function readTable(file: string): Promise<Table> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new TableFileError('not_found', file);
  if (info.size > maxBytes) throw new TableFileError('too_large', file);
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.csv' || ext === '.txt') return parseCsv(await readFile(file, 'utf8'));
    if (ext === '.xlsx') return await parseXlsx(file);
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    throw new TableFileError('unreadable', file);
  }
  throw new TableFileError('unsupported', file);
}

/** CSV with a header row; the delimiter (, ; or tab) is taken from the header line. */
export function parseCsv(text: string): Table {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  if (!head) return { headers: [], rows: [] };
  const headers = head.record.map((h) => h.trim());
  return {
    headers,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])),
    })),
  };
}

async function parseXlsx(file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const text = (row: ExcelJS.Row, col: number) => row.getCell(col).text?.toString() ?? '';
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let col = 1; col <= headerRow.cellCount; col++) headers.push(text(headerRow, col).trim());
  const rows: Table['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push({ line: r, cells: Object.fromEntries(headers.map((h, i) => [h, text(row, i + 1)])) });
  }
  return { headers, rows };
}
