import { sql } from 'drizzle-orm';
import type { DocumentKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { memberMayRead } from './document-access';

export const documentsPageSize = 5;

export interface DocumentListItem {
  id: number;
  kind: DocumentKind;
  number: string | null;
  title: string | null;
  issuedAt: string | null;
  confirmed: boolean;
}

/**
 * Documents published to the member's units, newest first, one page at a time.
 * Listing counts as "received" for study tracking (first time only).
 */
export async function listMemberDocuments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; page: number };
}): Promise<{ items: DocumentListItem[]; page: number; pages: number; total: number }> {
  const visible = memberMayRead(input.memberId, sql`d.id`);
  const [count] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM documents d WHERE ${visible}`);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / documentsPageSize));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const rows = await ctx.db.all<{
    id: number;
    kind: DocumentKind;
    number: string | null;
    title: string | null;
    issued_at: string | null;
    confirmed: number;
  }>(sql`
    SELECT d.id, d.kind, d.number, d.title, d.issued_at,
      EXISTS (SELECT 1 FROM document_study s WHERE s.document_id = d.id AND s.member_id = ${input.memberId}
        AND s.confirmed_at IS NOT NULL) AS confirmed
    FROM documents d WHERE ${visible}
    ORDER BY coalesce(d.issued_at, '') DESC, d.created_at DESC, d.id DESC
    LIMIT ${documentsPageSize} OFFSET ${page * documentsPageSize}`);
  const now = ctx.clock.now().getTime();
  if (rows.length > 0) {
    await ctx.db.run(sql`
      INSERT INTO document_study (document_id, member_id, received_at)
      SELECT value, ${input.memberId}, ${now} FROM json_each(${JSON.stringify(rows.map((r) => r.id))})
      WHERE true ON CONFLICT DO NOTHING`);
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      title: r.title,
      issuedAt: r.issued_at,
      confirmed: Boolean(r.confirmed),
    })),
    page,
    pages,
    total,
  };
}

/** The newest documents a member may read, without recording anything (for choosing attachments). */
export async function listReadableDocuments({ ctx, input }: { ctx: ServiceContext; input: { memberId: number; limit: number } }) {
  return ctx.db.all<{ id: number; number: string | null; title: string | null }>(sql`
    SELECT d.id, d.number, d.title FROM documents d WHERE ${memberMayRead(input.memberId, sql`d.id`)}
    ORDER BY coalesce(d.issued_at, '') DESC, d.id DESC LIMIT ${input.limit}`);
}
