import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { audienceMeetsScope } from './subtree-rows';
import type { DashboardViewer } from './viewer';
import { pathWithin } from '../units/unit-paths';

/** A document the viewer may read on the dashboard: it reaches some unit of their scope. */
export async function assertDocumentInScope(ctx: ServiceContext, viewer: DashboardViewer, documentId: number) {
  const [doc] = await ctx.db.all<{ id: number; label: string; title: string | null }>(sql`
    SELECT d.id, coalesce(d.number, d.title, d.source_name) AS label, d.title FROM documents d
    WHERE d.id = ${documentId} AND ${audienceMeetsScope(viewer.role === 'admin' ? null : viewer.unitPath)}`);
  if (!doc) throw new ServiceError('forbidden', 'document outside the viewer scope', { documentId });
  return doc;
}

/**
 * Summaries are approved by the committee that published the document: an admin, or a
 * committee whose subtree holds every unit the document was sent to. One summary serves
 * every reader, so a unit the document was only sent down to may not approve it.
 */
export async function mayApproveSummaries(ctx: ServiceContext, viewer: DashboardViewer, documentId: number): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'committee' || viewer.unitPath === null) return false;
  const [outside] = await ctx.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM document_units du JOIN units pu ON pu.id = du.unit_id
    WHERE du.document_id = ${documentId} AND NOT ${pathWithin('pu.path', viewer.unitPath)}`);
  return Number(outside?.n ?? 1) === 0;
}
