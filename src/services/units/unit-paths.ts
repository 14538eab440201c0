import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

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
