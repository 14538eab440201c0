import { type SQL, sql } from 'drizzle-orm';
import { memberMayRead } from '../documents/document-access';

/** The member's unit path, for subtree checks below. */
const memberPath = (memberId: number) => sql`(SELECT u.path FROM members m JOIN units u ON u.id = m.unit_id WHERE m.id = ${memberId})`;

/**
 * A quiz set is open to a member when it is published to the member's unit or a unit
 * above it, or, if it is published to no unit, when its document is.
 */
export function memberMayTakeSet(memberId: number, setIdColumn: SQL): SQL {
  return sql`(
    EXISTS (SELECT 1 FROM quiz_set_units qu JOIN units pu ON pu.id = qu.unit_id
            WHERE qu.set_id = ${setIdColumn} AND ${memberPath(memberId)} LIKE pu.path || '%')
    OR (NOT EXISTS (SELECT 1 FROM quiz_set_units qu WHERE qu.set_id = ${setIdColumn})
        AND ${memberMayRead(memberId, sql`(SELECT document_id FROM quiz_sets WHERE id = ${setIdColumn})`)}))`;
}

/** A contest is open to members of its units (and below); with no units, to everyone. */
export function memberMayEnterContest(memberId: number, contestIdColumn: SQL): SQL {
  return sql`(
    NOT EXISTS (SELECT 1 FROM contest_units cu WHERE cu.contest_id = ${contestIdColumn})
    OR EXISTS (SELECT 1 FROM contest_units cu JOIN units pu ON pu.id = cu.unit_id
               WHERE cu.contest_id = ${contestIdColumn} AND ${memberPath(memberId)} LIKE pu.path || '%'))`;
}

/** Fisher–Yates with crypto randomness (edge-safe). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  const random = crypto.getRandomValues(new Uint32Array(out.length));
  for (let i = out.length - 1; i > 0; i--) {
    const j = random[i]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
