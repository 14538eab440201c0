import { foldKey as fold } from '../../text/fold';
import { ServiceError } from '../errors';

/** One data row of a CSV/XLSX sheet: `line` is the 1-based line/row number in the file. */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export type RowProblemCode =
  | 'missing_column'
  | 'required'
  | 'invalid_value'
  | 'duplicate_in_file'
  | 'unknown_parent'
  | 'unknown_unit'
  | 'cycle'
  | 'invalid_parent_kind'
  | 'empty_file';

export interface RowProblem {
  line: number;
  field?: string;
  code: RowProblemCode;
  value?: string;
}

/** Thrown when any row is bad: nothing was written, every problem is listed. */
export class ImportRejectedError extends ServiceError {
  constructor(readonly problems: RowProblem[]) {
    super('invalid_input', `${problems.length} problem(s) in the file`, { problems: problems.length });
  }
}

/** Maps the file's headers onto canonical field names using folded aliases. */
export function mapColumns<F extends string>(
  headers: string[],
  aliases: Record<F, readonly string[]>,
  required: readonly F[],
): { columns: Map<F, string>; problems: RowProblem[] } {
  const columns = new Map<F, string>();
  for (const header of headers) {
    const key = fold(header);
    for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][]) {
      if (!columns.has(field) && (key === field || names.includes(key))) columns.set(field, header);
    }
  }
  const problems = required
    .filter((f) => !columns.has(f))
    .map((f): RowProblem => ({ line: 1, field: f, code: 'missing_column' }));
  return { columns, problems };
}

/** Reads a canonical field from a row, trimmed and NFC-normalised ("" when absent). */
export function cell<F extends string>(row: TableRow, columns: Map<F, string>, field: F): string {
  const header = columns.get(field);
  return header === undefined ? '' : (row.cells[header] ?? '').normalize('NFC').trim();
}

/** Looks a value up among folded aliases; `undefined` when it matches none. */
export function matchValue<V extends string>(raw: string, values: Record<V, readonly string[]>): V | undefined {
  const key = fold(raw);
  for (const [value, names] of Object.entries(values) as [V, readonly string[]][]) {
    if (key === value || names.includes(key)) return value;
  }
  return undefined;
}

/** Drops rows with no value at all (trailing blank lines in spreadsheets). */
export function nonEmptyRows(table: Table): TableRow[] {
  return table.rows.filter((r) => Object.values(r.cells).some((v) => v.trim() !== ''));
}
