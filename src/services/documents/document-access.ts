import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL condition: document `docIdColumn` is published to the member's unit or a unit above it.
 * Members see what was published to their branch, their committee or their bloc.
 */
export function memberMayRead(memberId: number, docIdColumn: SQL): SQL {
  return sql`EXISTS (
    SELECT 1 FROM document_units du
    JOIN units pu ON pu.id = du.unit_id
    JOIN members m ON m.id = ${memberId}
    JOIN units mu ON mu.id = m.unit_id
    WHERE du.document_id = ${docIdColumn} AND mu.path LIKE pu.path || '%')`;
}
