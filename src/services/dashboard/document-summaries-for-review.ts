import type { ServiceContext } from '../context';
import { listSummaries } from '../documents/summaries';
import { assertDocumentInScope, mayApproveSummaries } from './document-access';
import type { DashboardViewer } from './viewer';

/** A document's summaries as the dashboard shows them for review. */
export async function documentSummariesForReview({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; documentId: number } }) {
  const doc = await assertDocumentInScope(ctx, input.viewer, input.documentId);
  const summaries = await listSummaries({ ctx, input: { documentId: input.documentId } });
  return { ...doc, summaries, canApprove: await mayApproveSummaries(ctx, input.viewer, input.documentId) };
}
