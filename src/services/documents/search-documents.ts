import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { memberMayRead } from './document-access';
import { ftsQuery } from './passages';

export interface SearchHit {
  documentId: number;
  documentNumber: string | null;
  documentTitle: string | null;
  sectionPath: string;
  /** The section's position in the document, for opening it. */
  sectionOrdinal: number;
  text: string;
}

/**
 * Full-text search (FTS5 over folded text, so diacritics do not matter) across
 * the documents a member may read, or all documents for staff (memberId omitted).
 * Every word must match; if nothing does, passages matching most words come back.
 */
export async function searchDocuments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { query: string; memberId?: number; limit?: number };
}): Promise<SearchHit[]> {
  const limit = Math.min(Math.max(input.limit ?? 5, 1), 20);
  let scope: SQL = sql`1 = 1`;
  if (input.memberId !== undefined) {
    // Resolve what the member may read once, rather than per matching passage.
    const readable = await ctx.db.all<{ id: number }>(sql`SELECT d.id FROM documents d WHERE ${memberMayRead(input.memberId, sql`d.id`)}`);
    if (readable.length === 0) return [];
    scope = sql`p.document_id IN (SELECT value FROM json_each(${JSON.stringify(readable.map((r) => r.id))}))`;
  }
  const run = async (match: string) =>
    ctx.db.all<{ document_id: number; number: string | null; title: string | null; section_path: string; ordinal: number; text: string }>(sql`
      SELECT p.document_id, d.number, d.title, p.section_path, p.text,
        (SELECT min(s.ordinal) FROM document_sections s WHERE s.document_id = p.document_id AND s.path = p.section_path) AS ordinal
      FROM document_passages_fts f
      JOIN document_passages p ON p.id = f.rowid
      JOIN documents d ON d.id = p.document_id
      WHERE document_passages_fts MATCH ${match} AND ${scope}
      ORDER BY bm25(document_passages_fts)
      LIMIT ${limit}`);
  const all = ftsQuery(input.query);
  if (!all) return [];
  let rows = await run(all);
  if (rows.length === 0) rows = await run(ftsQuery(input.query, ' OR ')!);
  return rows.map((r) => ({
    documentId: r.document_id,
    documentNumber: r.number,
    documentTitle: r.title,
    sectionPath: r.section_path,
    sectionOrdinal: Number(r.ordinal),
    text: r.text,
  }));
}
