/**
 * Matches the five-field cron expressions of the job registry against a moment in UTC.
 * Workers has one Cron Trigger for all jobs (the free plan allows few triggers), so the
 * Worker asks, at every tick, which jobs this minute belongs to. node-cron is Node-only.
 * Supports `*`, numbers, ranges `a-b`, steps (`*` or a range followed by `/n`) and lists `a,b`.
 */

interface FieldSpec {
  min: number;
  max: number;
}

const fields: FieldSpec[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week (0 and 7 are Sunday)
];

export class CronSyntaxError extends Error {
  constructor(expression: string, reason: string) {
    super(`cron expression "${expression}": ${reason}`);
    this.name = 'CronSyntaxError';
  }
}

function parseNumber(text: string, spec: FieldSpec, expression: string): number {
  if (!/^\d+$/.test(text)) throw new CronSyntaxError(expression, `"${text}" is not a number`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new CronSyntaxError(expression, `${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

/** The set of values one field allows. */
function expandField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseNumber(stepText, { min: 1, max: spec.max || 1 }, expression);
    let from = spec.min;
    let to = spec.max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      from = parseNumber(a, spec, expression);
      to = b === undefined ? (stepText === undefined ? from : spec.max) : parseNumber(b, spec, expression);
      if (to < from) throw new CronSyntaxError(expression, `range ${range} runs backwards`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export interface CronSchedule {
  matches(at: Date): boolean;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronSyntaxError(expression, 'needs five fields (minute hour day month weekday)');
  const [minute, hour, day, month, weekday] = parts.map((p, i) => expandField(p, fields[i]!, expression)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (weekday.has(7)) weekday.add(0);
  // Classic cron: when both day fields are restricted, either one matching is enough.
  const dayRestricted = parts[2] !== '*';
  const weekdayRestricted = parts[4] !== '*';
  return {
    matches(at: Date) {
      if (!minute.has(at.getUTCMinutes()) || !hour.has(at.getUTCHours()) || !month.has(at.getUTCMonth() + 1)) return false;
      const dayOk = day.has(at.getUTCDate());
      const weekdayOk = weekday.has(at.getUTCDay());
      if (dayRestricted && weekdayRestricted) return dayOk || weekdayOk;
      return dayOk && weekdayOk;
    },
  };
}
