import { sql } from 'drizzle-orm';
import type { DocumentKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export interface DocumentDetails {
  id: number;
  kind: DocumentKind;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedAt: string | null;
  publishedTo: string[];
  targets: { section: string; text: string; values: unknown[] }[];
  /** Documents this one cites; `documentId` is set when the cited one is imported too. */
  cites: { number: string; date: string | null; documentId: number | null; title: string | null }[];
  /** Imported documents that cite this one. */
  citedBy: { documentId: number; number: string | null; title: string | null }[];
}

/** A document's metadata, targets and its place in the reference graph (for staff). */
export async function getDocumentDetails({ ctx, input }: { ctx: ServiceContext; input: { documentId: number } }): Promise<DocumentDetails> {
  const [doc] = await ctx.db.all<{ id: number; kind: DocumentKind; number: string | null; title: string | null; issuer: string | null; issued_at: string | null }>(
    sql`SELECT id, kind, number, title, issuer, issued_at FROM documents WHERE id = ${input.documentId}`,
  );
  if (!doc) throw new ServiceError('not_found', 'document not found', { document: input.documentId });
  const units = await ctx.db.all<{ code: string }>(sql`
    SELECT u.code FROM document_units du JOIN units u ON u.id = du.unit_id WHERE du.document_id = ${doc.id} ORDER BY u.path`);
  const targets = await ctx.db.all<{ section_path: string; text: string; values: string }>(sql`
    SELECT section_path, text, "values" FROM document_targets WHERE document_id = ${doc.id} ORDER BY ordinal`);
  const cites = await ctx.db.all<{ number: string; date: string | null; document_id: number | null; title: string | null }>(sql`
    SELECT r.number, r.date, d.id AS document_id, d.title FROM document_references r
    LEFT JOIN documents d ON d.number = r.number AND d.id <> r.document_id
    WHERE r.document_id = ${doc.id} ORDER BY r.id`);
  const citedBy = doc.number
    ? await ctx.db.all<{ document_id: number; number: string | null; title: string | null }>(sql`
        SELECT DISTINCT d.id AS document_id, d.number, d.title FROM document_references r
        JOIN documents d ON d.id = r.document_id
        WHERE r.number = ${doc.number} AND d.id <> ${doc.id} ORDER BY d.id`)
    : [];
  return {
    id: doc.id,
    kind: doc.kind,
    number: doc.number,
    title: doc.title,
    issuer: doc.issuer,
    issuedAt: doc.issued_at,
    publishedTo: units.map((u) => u.code),
    targets: targets.map((t) => ({ section: t.section_path, text: t.text, values: JSON.parse(t.values) as unknown[] })),
    cites: cites.map((c) => ({ number: c.number, date: c.date, documentId: c.document_id, title: c.title })),
    citedBy: citedBy.map((c) => ({ documentId: c.document_id, number: c.number, title: c.title })),
  };
}

/** All documents, newest first (for staff listings). */
export async function listDocuments({ ctx }: { ctx: ServiceContext }) {
  return ctx.db.all<{ id: number; kind: DocumentKind; number: string | null; title: string | null; issued_at: string | null; sections: number; targets: number }>(sql`
    SELECT d.id, d.kind, d.number, d.title, d.issued_at,
      (SELECT count(*) FROM document_sections s WHERE s.document_id = d.id) AS sections,
      (SELECT count(*) FROM document_targets t WHERE t.document_id = d.id) AS targets
    FROM documents d ORDER BY coalesce(d.issued_at, '') DESC, d.id DESC`);
}
