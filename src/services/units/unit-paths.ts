import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * Rebuilds every unit's materialised path ("/1/4/9/") from parent links,
 * touching only rows whose path changed. Runs inside the import batch.
 */
export function recomputeUnitPathsStatement(db: Database) {
  return db.run(sql`
    WITH RECURSIVE tree(id, path) AS (
      SELECT id, '/' || id || '/' FROM units WHERE parent_id IS NULL
      UNION ALL
      SELECT u.id, tree.path || u.id || '/' FROM units u JOIN tree ON u.parent_id = tree.id
    )
    UPDATE units SET path = (SELECT path FROM tree WHERE tree.id = units.id)
    WHERE path IS NOT (SELECT path FROM tree WHERE tree.id = units.id)`);
}

/**
 * SQL: the unit path in `column` starts with `path`: the unit at `path` or any unit below it.
 *
 * A range rather than `LIKE 'path%'`: SQLite re-prepares a statement on every run when a
 * LIKE pattern is a bound parameter (the plan may depend on its value), which cost a
 * branch's dashboard page more than its queries did; and a range can use the index on
 * units.path, where a case-insensitive LIKE scans it. Paths are digits and slashes, so
 * the two match the same units.
 */
export function pathWithin(column: string, path: string): SQL {
  if (path === '') return sql`1 = 1`;
  const after = path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1);
  return sql`(${sql.raw(column)} >= ${path} AND ${sql.raw(column)} < ${after})`;
}

/**
 * The path of the unit with `code`, for a report limited to its subtree (with `pathWithin`).
 * An unknown code is a not_found error naming it, not an empty report.
 */
export async function unitPathOfCode(ctx: ServiceContext, code: string): Promise<string> {
  const [unit] = await ctx.db.all<{ path: string }>(sql`SELECT path FROM units WHERE code = ${code}`);
  if (!unit) throw new ServiceError('not_found', 'unit not found', { unit: code });
  return unit.path;
}
