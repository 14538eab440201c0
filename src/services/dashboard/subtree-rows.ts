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

/** Units that can read a document reach the scope: published above it, at it, or inside it. */
export function audienceMeetsScope(scopePath: string | null, documentAlias = 'd'): SQL {
  if (scopePath === null) return sql`1 = 1`;
  return sql`EXISTS (SELECT 1 FROM document_units du JOIN units pu ON pu.id = du.unit_id
    WHERE du.document_id = ${sql.raw(documentAlias)}.id AND (${scopePath} LIKE pu.path || '%' OR pu.path LIKE ${`${scopePath}%`}))`;
}
