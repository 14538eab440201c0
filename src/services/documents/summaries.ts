import { sql } from 'drizzle-orm';
import type { SummaryLine, SummaryStatus } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** One chat message must hold a summary with its heading and labels. */
export const maxSummaryChars = 3500;

export interface SummaryView {
  scope: string;
  heading: string;
  lines: (SummaryLine & { verbatim: boolean })[];
  status: SummaryStatus;
  source: 'extractive' | 'model' | 'edited';
  approvedBy: string | null;
}

/** Every summary of a document, each line marked verbatim (found in the text) or reworded. */
export async function listSummaries({ ctx, input }: { ctx: ServiceContext; input: { documentId: number } }): Promise<SummaryView[]> {
  const [doc] = await ctx.db.all<{ body: string }>(sql`SELECT body FROM documents WHERE id = ${input.documentId}`);
  if (!doc) throw new ServiceError('not_found', 'document not found');
  const rows = await ctx.db.all<{ scope: string; heading: string; lines: string; status: SummaryStatus; source: SummaryView['source']; approved_by: string | null }>(sql`
    SELECT scope, heading, lines, status, source, approved_by FROM document_summaries
    WHERE document_id = ${input.documentId} ORDER BY scope = 'document' DESC, id`);
  return rows.map((r) => ({
    scope: r.scope,
    heading: r.heading,
    lines: (JSON.parse(r.lines) as SummaryLine[]).map((l) => ({ ...l, verbatim: doc.body.includes(l.text) })),
    status: r.status,
    source: r.source,
    approvedBy: r.approved_by,
  }));
}

/**
 * Replaces a summary's lines with a person's (or a model's) wording. Each line
 * must cite a section of the document; the summary goes back to draft.
 */
export async function editSummary({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { documentId: number; scope: string; lines: SummaryLine[]; source?: 'edited' | 'model' };
}): Promise<void> {
  const paths = new Set(
    (await ctx.db.all<{ path: string }>(sql`SELECT path FROM document_sections WHERE document_id = ${input.documentId}`)).map((r) => r.path),
  );
  if (paths.size === 0) throw new ServiceError('not_found', 'document not found');
  const lines = input.lines.map((l) => ({ text: l.text.normalize('NFC').trim(), section: l.section.trim() }));
  const problems: string[] = [];
  if (lines.length === 0) problems.push('empty');
  lines.forEach((l, i) => {
    if (!l.text) problems.push(`line ${i + 1}: empty`);
    if (!paths.has(l.section)) problems.push(`line ${i + 1}: unknown section ${l.section}`);
  });
  if (lines.reduce((n, l) => n + l.text.length + 8, 0) > maxSummaryChars) problems.push('too long for one message');
  if (problems.length > 0) throw new ServiceError('summary_invalid', problems.join('; '), { problems });
  const now = ctx.clock.now().getTime();
  const result = await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE document_summaries SET lines = ${JSON.stringify(lines)}, status = 'draft', source = ${input.source ?? 'edited'},
        approved_by = NULL, approved_at = NULL, updated_at = ${now}
      WHERE document_id = ${input.documentId} AND scope = ${input.scope}`),
    auditStatement(ctx, { action: 'summary.edit', entity: 'document', entityId: input.documentId, details: { scope: input.scope } }),
  ]);
  if (result[0].rowsAffected === 0) throw new ServiceError('not_found', 'summary not found', { scope: input.scope });
}

/** Approves one summary (or all of a document's): only approved summaries reach members. */
export async function approveSummary({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { documentId: number; scope?: string };
}): Promise<{ approved: number }> {
  const now = ctx.clock.now().getTime();
  const scope = input.scope === undefined ? sql`` : sql`AND scope = ${input.scope}`;
  const [update] = await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE document_summaries SET status = 'approved', approved_by = ${ctx.actor}, approved_at = ${now}
      WHERE document_id = ${input.documentId} AND status = 'draft' ${scope}`),
    auditStatement(ctx, { action: 'summary.approve', entity: 'document', entityId: input.documentId, details: { scope: input.scope ?? 'all' } }),
  ]);
  return { approved: update.rowsAffected };
}
