import { sql } from 'drizzle-orm';
import type { TargetMetric } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audienceMeetsScope } from './subtree-rows';
import { type DashboardViewer, resolveScopedUnit, type ScopedUnit } from './viewer';

export interface TargetRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  documentId: number | null;
  documentLabel: string | null;
  label: string;
  metric: TargetMetric;
  value: number;
}

/**
 * Targets that apply to a unit: those set on it or on any unit above it (a province's
 * target binds its branches). Admins without a unit see every target.
 */
export async function listTargets({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; unitId?: number } }): Promise<TargetRow[]> {
  return targetsApplyingTo(ctx, await resolveScopedUnit(ctx, input.viewer, input.unitId));
}

/** The same, for a unit a page has already resolved within its viewer's scope (null: every target). */
export async function targetsApplyingTo(ctx: ServiceContext, unit: ScopedUnit | null): Promise<TargetRow[]> {
  const applies = unit ? sql`${unit.path} LIKE u.path || '%'` : sql`1 = 1`;
  const rows = await ctx.db.all<{
    id: number;
    unit_id: number;
    unit_name: string;
    unit_path: string;
    document_id: number | null;
    document_label: string | null;
    label: string;
    metric: TargetMetric;
    value: number;
  }>(sql`
    SELECT t.id, t.unit_id, u.name AS unit_name, u.path AS unit_path, t.document_id,
      coalesce(d.number, d.title, d.source_name) AS document_label, t.label, t.metric, t.value
    FROM dashboard_targets t JOIN units u ON u.id = t.unit_id LEFT JOIN documents d ON d.id = t.document_id
    WHERE ${applies} ORDER BY u.path, t.id`);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    documentId: r.document_id,
    documentLabel: r.document_label,
    label: r.label,
    metric: r.metric,
    value: Number(r.value),
  }));
}

/** Documents and the targets extracted from them, to pick a target from. */
export async function listTargetChoices({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer } }) {
  const rows = await ctx.db.all<{ document_id: number; document_label: string; target_id: number | null; text: string | null }>(sql`
    SELECT d.id AS document_id, coalesce(d.number, d.title, d.source_name) AS document_label, t.id AS target_id, t.text
    FROM documents d LEFT JOIN document_targets t ON t.document_id = d.id
    WHERE ${audienceMeetsScope(input.viewer.role === 'admin' ? null : input.viewer.unitPath)} ORDER BY d.id DESC, t.ordinal`);
  const documents = new Map<number, { documentId: number; label: string; targets: { id: number; text: string }[] }>();
  for (const r of rows) {
    const doc = documents.get(r.document_id) ?? { documentId: r.document_id, label: r.document_label, targets: [] };
    if (r.target_id !== null && r.text !== null) doc.targets.push({ id: r.target_id, text: r.text });
    documents.set(r.document_id, doc);
  }
  return [...documents.values()];
}
