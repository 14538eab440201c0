import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { allPacked } from './packed-rows';
import { audienceMeetsScope, childPathSql } from './subtree-rows';
import { sentToUnit } from './unit-figures';
import { type DashboardViewer, type ScopedUnit, resolveScopedUnit, unitInScope, pageUnits } from './viewer';

export interface DocumentColumn {
  documentId: number;
  label: string;
  title: string | null;
  kind: string;
  draftSummaries: number;
  due: number;
  confirmed: number;
}

/**
 * Study coverage of every document that reaches the scope, per document and per unit
 * directly under the chosen one (confirmed ÷ members the document was published to).
 */
export async function documentReport({ ctx, input }: { ctx: ServiceContext; input: { viewer: DashboardViewer; unitId?: number } }): Promise<{
  unit: ScopedUnit | null;
  documents: DocumentColumn[];
  rows: { unitId: number; code: string; name: string; hasChildren: boolean; cells: { documentId: number; due: number; confirmed: number }[] }[];
}> {
  const unit = await resolveScopedUnit(ctx, input.viewer, input.unitId);
  const within = pageUnits(input.viewer, unit);
  const docs = await ctx.db.all<{ id: number; label: string; title: string | null; kind: string; drafts: number }>(sql`
    SELECT d.id, coalesce(d.number, d.title, d.source_name) AS label, d.title, d.kind,
      (SELECT count(*) FROM document_summaries s WHERE s.document_id = d.id AND s.status = 'draft') AS drafts
    FROM documents d WHERE ${audienceMeetsScope(unit?.path ?? null)} ORDER BY d.id DESC LIMIT 30`);
  // The rows: the units directly under the chosen one (the tree's tops for a whole-province
  // admin), then the chosen unit itself, with their own member counts; a row drills down only
  // into units the viewer may see.
  const rowUnits = (
    await ctx.db.all<{ id: number; code: string; name: string; path: string; own_members: number | null; has_children: number }>(sql`
      SELECT u.id, u.code, u.name, u.path, um.members AS own_members, EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id AND ${unitInScope(input.viewer, 'c')}) AS has_children
      FROM units u LEFT JOIN unit_members um ON um.unit_id = u.id
      WHERE ${within} AND ${unit ? sql`(u.parent_id = ${unit.id} OR u.id = ${unit.id})` : sql`u.parent_id IS NULL`}`)
  ).sort((a, b) => (a.id === unit?.id ? 1 : b.id === unit?.id ? -1 : a.path < b.path ? -1 : 1));
  const hasChildren = (id: number) => Boolean(rowUnits.find((r) => r.id === id)?.has_children);
  // Only the units with members count towards what is due: their paths and counts, nothing more.
  const units = (await allPacked(ctx, ['id', 'path', 'members'], sql`
    SELECT u.id, u.path, um.members FROM units u JOIN unit_members um ON um.unit_id = u.id WHERE ${within} AND um.members > 0`)).map((u) => ({
    id: Number(u.id),
    path: String(u.path),
    members: Number(u.members),
  }));
  const docIds = JSON.stringify(docs.map((d) => d.id));
  const audiences = await ctx.db.all<{ document_id: number; path: string }>(sql`
    SELECT du.document_id, pu.path FROM document_units du JOIN units pu ON pu.id = du.unit_id
    WHERE du.document_id IN (SELECT value FROM json_each(${docIds}))`);
  const rootPath = unit && hasChildren(unit.id) ? unit.path : unit ? unit.path.replace(/\d+\/$/, '') : '/';
  const confirmed = await ctx.db.all<{ document_id: number; row_path: string; n: number }>(sql`
    SELECT r.document_id, ${childPathSql(rootPath)} AS row_path, sum(r.confirmed) AS n
    FROM unit_document_study r JOIN units u ON u.id = r.unit_id
    WHERE ${within} AND r.document_id IN (SELECT value FROM json_each(${docIds})) AND ${sentToUnit}
    GROUP BY r.document_id, row_path`);
  const confirmedAt = new Map(confirmed.map((c) => [`${c.document_id}:${c.row_path}`, Number(c.n)]));
  // The chosen unit's own row holds only its own members (a đảng bộ's staff), when it has any.
  const ownRow = (row: { id: number }) => unit !== null && row.id === unit.id && hasChildren(unit.id);
  // Members due per row and document, in one pass over the units: each unit falls in one row at most.
  const audiencePaths = docs.map((d) => audiences.filter((a) => a.document_id === d.id).map((a) => a.path));
  const rowByPath = new Map(rowUnits.filter((row) => !ownRow(row)).map((row) => [row.path, row.id]));
  const dueOf = new Map(rowUnits.map((row) => [row.id, docs.map(() => 0)]));
  for (const u of units) {
    const rowId = unit !== null && u.id === unit.id && ownRow(unit) ? unit.id : ancestorPaths(u.path).map((p) => rowByPath.get(p)).find((id) => id !== undefined);
    const due = rowId === undefined ? undefined : dueOf.get(rowId);
    if (!due) continue;
    audiencePaths.forEach((paths, k) => {
      if (paths.some((p) => u.path.startsWith(p))) due[k] = (due[k] ?? 0) + u.members;
    });
  }
  const rows = rowUnits.filter((row) => !ownRow(row) || Number(row.own_members ?? 0) > 0).map((row) => ({
    unitId: row.id,
    code: row.code,
    name: row.name,
    hasChildren: hasChildren(row.id),
    cells: docs.map((d, k) => ({ documentId: d.id, due: dueOf.get(row.id)?.[k] ?? 0, confirmed: confirmedAt.get(`${d.id}:${row.path}`) ?? 0 })),
  }));
  const documents = docs.map((d, k) => ({
    documentId: d.id,
    label: d.label,
    title: d.title,
    kind: d.kind,
    draftSummaries: Number(d.drafts),
    due: rows.reduce((n, r) => n + (r.cells[k]?.due ?? 0), 0),
    confirmed: rows.reduce((n, r) => n + (r.cells[k]?.confirmed ?? 0), 0),
  }));
  return { unit, documents, rows };
}

/** "/1/4/9/" → "/1/", "/1/4/", "/1/4/9/". */
const ancestorPaths = (path: string): string[] => {
  const paths: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) paths.push(path.slice(0, i + 1));
  return paths;
};
