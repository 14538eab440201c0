import { type SQL, sql } from 'drizzle-orm';
import { pathWithin } from '../units/unit-paths';

/**
 * SQL for the path of the unit directly under `rootPath` that contains unit `alias`
 * ("/1/4/9/" under "/1/" gives "/1/4/"); the root itself maps to its own path. Lets
 * one GROUP BY give per-child totals of a subtree.
 */
export function childPathSql(rootPath: string, alias = 'u'): SQL {
  const p = sql.raw(`${alias}.path`);
  const n = rootPath.length;
  return sql`substr(${p}, 1, ${n} + instr(substr(${p}, ${n + 1}), '/'))`;
}

/**
 * Something published to units (a document, a quiz set, a contest) reaches the scope when
 * one of its audience units is above the scope's unit, the unit itself, or inside it.
 */
export function audienceMeetsScope(scopePath: string | null, alias = 'd', audienceTable = 'document_units', audienceColumn = 'document_id'): SQL {
  if (scopePath === null) return sql`1 = 1`;
  return sql`EXISTS (SELECT 1 FROM ${sql.raw(audienceTable)} du JOIN units pu ON pu.id = du.unit_id
    WHERE du.${sql.raw(audienceColumn)} = ${sql.raw(alias)}.id AND (${scopePath} LIKE pu.path || '%' OR ${pathWithin('pu.path', scopePath)}))`;
}

/**
 * The rows a drill-down page shows for the chosen unit: the units directly under it, or,
 * with no unit chosen, the tops of what the viewer can see. `self` is the chosen unit's own
 * record, for pages that give it a row of its own.
 */
export function drillDownRows<U extends { id: number; parentId: number | null }>(units: U[], unit: { id: number } | null) {
  const visible = new Set(units.map((u) => u.id));
  const parentIds = new Set(units.map((u) => u.parentId));
  const children = unit ? units.filter((u) => u.parentId === unit.id) : units.filter((u) => u.parentId === null || !visible.has(u.parentId));
  return {
    children,
    self: unit ? units.find((u) => u.id === unit.id) : undefined,
    hasChildren: (id: number) => parentIds.has(id),
  };
}
