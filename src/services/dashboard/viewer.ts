import { type SQL, sql } from 'drizzle-orm';
import type { DashboardRole, MemberRole, UnitKind } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { pathWithin } from '../units/unit-paths';

/** A signed-in dashboard user, re-read from the roster on every request. */
export interface DashboardViewer {
  role: DashboardRole;
  /** Null for an admin minted from the CLI. */
  memberId: number | null;
  fullName: string | null;
  /** The unit the scope starts at (null: every unit, for admins). */
  unitId: number | null;
  unitName: string | null;
  unitPath: string | null;
  unitCode: string | null;
  unitKind: UnitKind | null;
  unitParentId: number | null;
}

/**
 * Which dashboard role a roster entry earns. Officers of a branch (secretary, deputy,
 * chi ủy viên) see the branch; officers of a party committee with units under it
 * (đảng bộ) see its subtree. Plain members get none.
 */
export function dashboardRoleOf(role: MemberRole, unitKind: UnitKind): DashboardRole | null {
  if (role === 'member') return null;
  // A branch's officers (chi ủy viên included) see the branch; a đảng bộ's officers its subtree.
  return unitKind.startsWith('dang_bo') ? 'committee' : 'secretary';
}

/** Loads the viewer for a member, or null when the member no longer has a dashboard role. */
export async function loadMemberViewer(ctx: ServiceContext, memberId: number): Promise<DashboardViewer | null> {
  const [row] = await ctx.db.all<{
    full_name: string;
    role: MemberRole;
    unit_id: number;
    unit_name: string;
    unit_path: string;
    unit_kind: UnitKind;
    unit_code: string;
    unit_parent_id: number | null;
  }>(sql`
    SELECT m.full_name, m.role, u.id AS unit_id, u.name AS unit_name, u.path AS unit_path, u.kind AS unit_kind,
      u.code AS unit_code, u.parent_id AS unit_parent_id
    FROM members m JOIN units u ON u.id = m.unit_id WHERE m.id = ${memberId}`);
  if (!row) return null;
  const role = dashboardRoleOf(row.role, row.unit_kind);
  if (!role) return null;
  return {
    role,
    memberId,
    fullName: row.full_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    unitCode: row.unit_code,
    unitKind: row.unit_kind,
    unitParentId: row.unit_parent_id,
  };
}

export const adminViewer: DashboardViewer = {
  role: 'admin',
  memberId: null,
  fullName: null,
  unitId: null,
  unitName: null,
  unitPath: null,
  unitCode: null,
  unitKind: null,
  unitParentId: null,
};

/** SQL predicate: the unit aliased `alias` is within what the viewer may see. */
export function unitInScope(viewer: DashboardViewer, alias = 'u'): SQL {
  const column = sql.raw(`${alias}`);
  if (viewer.role === 'admin' || viewer.unitPath === null) return sql`1 = 1`;
  if (viewer.role === 'secretary') return sql`${column}.id = ${viewer.unitId}`;
  return pathWithin(`${alias}.path`, viewer.unitPath);
}

export interface ScopedUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: UnitKind;
  parentId: number | null;
}

/**
 * The unit a page is about: the one asked for if the viewer may see it, else the
 * top of the viewer's scope. Another unit's id is refused, never silently replaced.
 */
export async function resolveScopedUnit(ctx: ServiceContext, viewer: DashboardViewer, unitId?: number): Promise<ScopedUnit | null> {
  const target = unitId ?? viewer.unitId;
  if (target === null || target === undefined) return null;
  // The viewer's own unit was read with the viewer, on this request: no second lookup.
  if (target === viewer.unitId && viewer.unitCode !== null && viewer.unitName !== null && viewer.unitPath !== null && viewer.unitKind !== null) {
    return { id: target, code: viewer.unitCode, name: viewer.unitName, path: viewer.unitPath, kind: viewer.unitKind, parentId: viewer.unitParentId };
  }
  const [row] = await ctx.db.all<{ id: number; code: string; name: string; path: string; kind: UnitKind; parent_id: number | null }>(sql`
    SELECT u.id, u.code, u.name, u.path, u.kind, u.parent_id FROM units u WHERE u.id = ${target} AND ${unitInScope(viewer)}`);
  if (!row) throw new ServiceError('forbidden', 'unit outside the viewer scope', { unitId: target });
  return { id: row.id, code: row.code, name: row.name, path: row.path, kind: row.kind, parentId: row.parent_id };
}

/**
 * SQL predicate: the units a page counts, the page's unit and those under it within the
 * viewer's scope (alias `u`). At the top of the viewer's own scope the scope predicate says
 * it alone; repeating it as a path range only gives SQLite more to bind and check.
 */
export function pageUnits(viewer: DashboardViewer, unit: ScopedUnit | null, alias = 'u'): SQL {
  if (unit === null || unit.id === viewer.unitId) return unitInScope(viewer, alias);
  return sql`${unitInScope(viewer, alias)} AND ${pathWithin(`${alias}.path`, unit.path)}`;
}
