import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL for the path of the unit directly under `rootPath` that contains unit `alias`
 * ("/1/4/9/" under "/1/" gives "/1/4/"); the root itself maps to its own path. Lets
 * one GROUP BY give per-child totals of a subtree.
 */
export function childPathSql(rootPath: string, alias = 'u'): SQL {
  const p = sql.raw(`${alias}.path`);
  const n = rootPath.length;
  return sql`substr(${p}, 1, ${n} + instr(substr(${p}, ${n + 1}), '/'))`;
}

/**
 * Something published to units (a document, a quiz set, a contest) reaches the scope when
 * one of its audience units is above the scope's unit, the unit itself, or inside it.
 */
export function audienceMeetsScope(scopePath: string | null, alias = 'd', audienceTable = 'document_units', audienceColumn = 'document_id'): SQL {
  if (scopePath === null) return sql`1 = 1`;
  return sql`EXISTS (SELECT 1 FROM ${sql.raw(audienceTable)} du JOIN units pu ON pu.id = du.unit_id
    WHERE du.${sql.raw(audienceColumn)} = ${sql.raw(alias)}.id AND (${scopePath} LIKE pu.path || '%' OR pu.path LIKE ${`${scopePath}%`}))`;
}
