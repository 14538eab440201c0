import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { audienceMeetsScope } from './subtree-rows';
import type { DashboardViewer } from './viewer';

/** A document the viewer may read on the dashboard: it reaches some unit of their scope. */
export async function assertDocumentInScope(ctx: ServiceContext, viewer: DashboardViewer, documentId: number) {
  const [doc] = await ctx.db.all<{ id: number; label: string; title: string | null }>(sql`
    SELECT d.id, coalesce(d.number, d.title, d.source_name) AS label, d.title FROM documents d
    WHERE d.id = ${documentId} AND ${audienceMeetsScope(viewer.role === 'admin' ? null : viewer.unitPath)}`);
  if (!doc) throw new ServiceError('forbidden', 'document outside the viewer scope', { documentId });
  return doc;
}

/** Summaries are approved by committee staff (who publish documents), not by branch secretaries. */
export const canApproveSummaries = (viewer: DashboardViewer) => viewer.role === 'admin' || viewer.role === 'committee';
