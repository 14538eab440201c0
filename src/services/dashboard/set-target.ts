import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { targetMetrics } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { assertDocumentInScope } from './document-access';
import { type DashboardViewer, resolveScopedUnit } from './viewer';

const inputSchema = z
  .object({
    unitId: z.number().int().positive().optional(),
    documentTargetId: z.number().int().positive().optional(),
    documentId: z.number().int().positive().optional(),
    label: z.string().trim().max(500).optional(),
    metric: z.enum(targetMetrics),
    value: z.number().min(0).max(100),
  })
  .refine((v) => v.metric !== 'feedback_average' || v.value <= 5, { message: 'feedback average is out of 5', path: ['value'] });

/** Only committee staff and admins set targets; branch secretaries read them. */
export function canManageTargets(viewer: DashboardViewer) {
  return viewer.role === 'admin' || viewer.role === 'committee';
}

/**
 * Ties a resolution's target (picked from the extracted ones, or typed in) to a figure
 * the product measures, for a unit's subtree within the viewer's scope.
 */
export async function setTarget({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof inputSchema> & { viewer: DashboardViewer } }) {
  if (!canManageTargets(input.viewer)) throw new ServiceError('forbidden', 'only committee staff set targets');
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid_input', 'bad target', { reason: parsed.error.issues[0]?.path.join('.') ?? 'target' });
  const v = parsed.data;
  let unitId = v.unitId;
  if (unitId === undefined && input.viewer.role === 'admin') {
    const roots = await ctx.db.all<{ id: number }>(sql`SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
    unitId = roots[0]?.id;
  }
  const unit = await resolveScopedUnit(ctx, input.viewer, unitId);
  if (!unit) throw new ServiceError('invalid_input', 'no unit', { reason: 'unit' });
  let label = v.label;
  let documentId = v.documentId ?? null;
  if (v.documentTargetId !== undefined) {
    const [picked] = await ctx.db.all<{ document_id: number; text: string }>(sql`SELECT document_id, text FROM document_targets WHERE id = ${v.documentTargetId}`);
    if (!picked) throw new ServiceError('not_found', 'document target not found');
    label ||= picked.text;
    documentId = picked.document_id;
  }
  if (!label) throw new ServiceError('invalid_input', 'a target needs a label', { reason: 'label' });
  if (documentId !== null) await assertDocumentInScope(ctx, input.viewer, documentId);
  const [inserted] = await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO dashboard_targets (unit_id, document_id, document_target_id, label, metric, value, created_by, created_at)
      VALUES (${unit.id}, ${documentId}, ${v.documentTargetId ?? null}, ${label}, ${v.metric}, ${v.value}, ${ctx.actor}, ${ctx.clock.now().getTime()})`),
    auditStatement(ctx, { action: 'dashboard.target_set', entity: 'unit', entityId: unit.id, details: { metric: v.metric, value: v.value } }),
  ]);
  return { targetId: Number(inserted.lastInsertRowid) };
}
