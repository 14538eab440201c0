import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { approveSummary } from '../documents/summaries';
import { assertDocumentInScope, canApproveSummaries } from './document-access';
import type { DashboardViewer } from './viewer';

/** Approves one draft summary (or all of a document's drafts) from the dashboard. */
export async function approveSummaryFromDashboard({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { viewer: DashboardViewer; documentId: number; scope?: string };
}) {
  if (!canApproveSummaries(input.viewer)) throw new ServiceError('forbidden', 'only committee staff approve summaries');
  await assertDocumentInScope(ctx, input.viewer, input.documentId);
  return approveSummary({ ctx, input: { documentId: input.documentId, scope: input.scope } });
}
