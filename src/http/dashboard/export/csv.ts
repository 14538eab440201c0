import type { Table } from '../table-model';
import { exportCell } from '../views/format';

const quote = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  // Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** CSV with a UTF-8 byte order mark, so Excel opens Vietnamese text correctly. */
export function toCsv(t: Table, percentSuffix: string): string {
  const header = t.columns.map((c) => quote(c.format === 'percent' ? `${c.header} ${percentSuffix}` : c.header)).join(',');
  const lines = t.rows.map((r) => t.columns.map((c) => quote(exportCell(c.value(r), c.format))).join(','));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
