import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/**
 * Runs `query` and hands its rows over as one JSON array of arrays. For thousands of rows
 * (one per unit of a province) the driver spends longer building row objects, value by
 * value, than SQLite spends counting; one JSON text parses several times faster.
 * Row order is not kept: sort in code when it matters.
 */
export async function allPacked<Column extends string>(ctx: ServiceContext, columns: readonly Column[], query: SQL): Promise<Record<Column, unknown>[]> {
  const [packed] = await ctx.db.all<{ rows: string }>(sql`SELECT ${packedRows(columns, query)} AS rows`);
  return unpackRows(columns, packed?.rows);
}

/** SQL: the rows of `query` as one JSON text, to hand over alongside other values. */
export const packedRows = (columns: readonly string[], query: SQL): SQL =>
  sql`(SELECT json_group_array(json_array(${sql.raw(columns.map((c) => `"${c}"`).join(', '))})) FROM (${query}))`;

/** The rows of a `packedRows` text, as objects. */
export function unpackRows<Column extends string>(columns: readonly Column[], packed: string | null | undefined): Record<Column, unknown>[] {
  const rows = JSON.parse(packed ?? '[]') as unknown[][];
  // A plain loop: a province's thousands of rows make per-row pair arrays (fromEntries) show.
  return rows.map((values) => {
    const row = {} as Record<Column, unknown>;
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row;
  });
}
