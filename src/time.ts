/** All times are stored in UTC and shown in Vietnam's time zone. */
export const displayTimeZone = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: displayTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** "08:30 22/11/2026" in Asia/Ho_Chi_Minh. */
export function formatDateTime(date: Date): string {
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/**
 * Reads a date and time typed in Vietnam time: "20/12/2026 14:00", "20/12 14h30",
 * "14:00 20/12/2026" (no year: this year). Returns null when it is not one.
 */
export function parseVietnamDateTime(text: string, now: Date): Date | null {
  const t = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const date = t.match(/(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?/);
  const time = t.match(/(\d{1,2})\s*(?:[:h]|giờ)\s*(\d{2})?/);
  if (!date || !time) return null;
  const [day, month, year] = [Number(date[1]), Number(date[2]), date[3] ? Number(date[3]) : Number(formatDateTime(now).slice(-4))];
  const [hour, minute] = [Number(time[1]), time[2] ? Number(time[2]) : 0];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  // Vietnam has no daylight saving: UTC+7 all year.
  let utc = Date.UTC(year, month - 1, day, hour - 7, minute);
  const check = new Date(utc + 7 * 3600_000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // "05/01" typed in late December means next January.
  if (!date[3] && utc < now.getTime() - 86_400_000) utc = Date.UTC(year + 1, month - 1, day, hour - 7, minute);
  return new Date(utc);
}
