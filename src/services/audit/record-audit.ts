import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/** The insert statement for an audit row, so callers can put it in the same batch as the change. */
export function auditStatement(ctx: ServiceContext, entry: AuditEntry) {
  return ctx.db.insert(auditLog).values({
    at: ctx.clock.now(),
    actor: ctx.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    details: entry.details ?? null,
  });
}
