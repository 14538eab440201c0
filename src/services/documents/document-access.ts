import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL condition: document `docIdColumn` is published to the member's unit or a unit above it
 * (their branch, committee or bloc), or attached to a meeting the member is invited to
 * (a guide from a higher committee reads what the branch studies).
 */
export function memberMayRead(memberId: number, docIdColumn: SQL): SQL {
  return sql`(EXISTS (
    SELECT 1 FROM document_units du
    JOIN units pu ON pu.id = du.unit_id
    JOIN members m ON m.id = ${memberId}
    JOIN units mu ON mu.id = m.unit_id
    WHERE du.document_id = ${docIdColumn} AND mu.path LIKE pu.path || '%')
  OR EXISTS (
    SELECT 1 FROM meeting_documents md JOIN meeting_invitees i ON i.meeting_id = md.meeting_id
    WHERE md.document_id = ${docIdColumn} AND i.member_id = ${memberId}))`;
}
