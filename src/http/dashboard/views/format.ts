import { formatDateTime } from '../../../time';
import type { CellFormat } from '../table-model';

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('vi-VN');

/** A cell as people read it: "85,3%", "4,2", "12.345", "08:30 22/11/2026", or "—" when empty. */
export function formatCell(value: string | number | Date | null, format: CellFormat = 'text'): string {
  if (value === null || value === '') return '—';
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'number') {
    if (format === 'percent') return `${decimal.format(value * 100)}%`;
    if (format === 'score') return decimal.format(value);
    return whole.format(value);
  }
  return value;
}

/** A cell as an export stores it: numbers stay numbers (percentages as 0–100), dates in Vietnam time. */
export function exportCell(value: string | number | Date | null, format: CellFormat = 'text'): string | number | null {
  if (value === null) return null;
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'number' && format === 'percent') return Math.round(value * 1000) / 10;
  if (typeof value === 'number' && format === 'score') return Math.round(value * 100) / 100;
  return value;
}

export const percentOrNull = (part: number, whole: number) => (whole === 0 ? null : part / whole);
