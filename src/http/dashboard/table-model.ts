/** How a cell is shown on the page and written to an export. */
export type CellFormat = 'text' | 'number' | 'percent' | 'score' | 'date';

export interface Column<R> {
  header: string;
  format?: CellFormat;
  /** Percent cells hold a ratio 0–1; dates hold a Date. */
  value: (row: R) => string | number | Date | null;
  /** Where a cell links to (drill-down), relative to the dashboard. */
  link?: (row: R) => string | undefined;
}

/** A table a page shows, sorts and exports: the page and its CSV/XLSX come from one definition. */
export interface Table<R = unknown> {
  id: string;
  title: string;
  columns: Column<R>[];
  rows: R[];
}

export const table = <R>(t: Table<R>): Table<unknown> => t as unknown as Table<unknown>;

export interface SortOrder {
  table: string;
  column: number;
  descending: boolean;
}

/** "units.3.desc" → sort order; anything else → none. */
export function parseSort(value: string | undefined): SortOrder | null {
  const m = value?.match(/^([a-z-]+)\.(\d{1,2})\.(asc|desc)$/);
  return m ? { table: m[1]!, column: Number(m[2]), descending: m[3] === 'desc' } : null;
}

export function sortRows<R>(t: Table<R>, order: SortOrder | null): R[] {
  const column = order && order.table === t.id ? t.columns[order.column] : undefined;
  if (!order || !column) return t.rows;
  const key = (r: R) => {
    const v = column.value(r);
    return v instanceof Date ? v.getTime() : v;
  };
  const collator = new Intl.Collator('vi');
  return [...t.rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    // Empty cells last, whichever the direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order.descending ? -c : c;
  });
}
