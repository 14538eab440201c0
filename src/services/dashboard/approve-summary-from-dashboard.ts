import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { approveSummary } from '../documents/summaries';
import { assertDocumentInScope, mayApproveSummaries } from './document-access';
import type { DashboardViewer } from './viewer';

/** Approves one draft summary (or all of a document's drafts) from the dashboard. */
export async function approveSummaryFromDashboard({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; documentId: number; scope?: string };
}) {
  await assertDocumentInScope(ctx, input.viewer, input.documentId);
  if (!(await mayApproveSummaries(ctx, input.viewer, input.documentId))) throw new ServiceError('forbidden', 'only the publishing committee approves');
  return approveSummary({ ctx, input: { documentId: input.documentId, scope: input.scope } });
}
