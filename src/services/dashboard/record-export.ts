import type { ServiceContext } from '../context';
import { auditStatement } from '../audit/record-audit';
import type { DashboardViewer } from './viewer';

/** Exports leave the system with personal data in them: each one is logged (what, not the content). */
export async function recordExport({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; page: string; table: string; format: string; rows: number } }) {
  await auditStatement(ctx, {
    action: 'dashboard.export',
    entity: 'member',
    entityId: input.viewer.memberId,
    details: { page: input.page, table: input.table, format: input.format, rows: input.rows },
  });
}
