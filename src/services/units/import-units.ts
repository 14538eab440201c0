import { sql } from 'drizzle-orm';
import { type UnitKind, type UnitType, units } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import {
  cell,
  ImportRejectedError,
  mapColumns,
  matchValue,
  nonEmptyRows,
  type RowProblem,
  type Table,
} from '../roster/table';
import { allowedParentKinds, unitKindAliases, unitTypeAliases } from './unit-vocabulary';
import { recomputeUnitPathsStatement } from './unit-paths';

const unitColumnAliases = {
  code: ['ma', 'ma_don_vi', 'ma_to_chuc'],
  name: ['ten', 'ten_don_vi', 'ten_to_chuc'],
  parent_code: ['ma_cap_tren', 'ma_don_vi_cap_tren', 'cap_tren', 'truc_thuoc', 'parent'],
  kind: ['loai', 'loai_to_chuc', 'cap_to_chuc'],
  type: ['loai_hinh', 'loai_hinh_tccsd'],
} as const;

interface UnitRow {
  line: number;
  code: string;
  name: string;
  parentCode: string | null;
  kind: UnitKind;
  type: UnitType | null;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Creates or updates units by code. Any bad row rejects the whole file;
 * a second import of the same file changes nothing.
 */
export async function importUnits({ ctx, input: table }: { ctx: ServiceContext; input: Table }): Promise<ImportSummary> {
  const { columns, problems } = mapColumns(table.headers, unitColumnAliases, ['code', 'name', 'kind']);
  if (problems.length > 0) throw new ImportRejectedError(problems);
  const rawRows = nonEmptyRows(table);
  if (rawRows.length === 0) throw new ImportRejectedError([{ line: 1, code: 'empty_file' }]);

  const rows: UnitRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rawRows) {
    const code = cell(row, columns, 'code');
    const name = cell(row, columns, 'name');
    const parentCode = cell(row, columns, 'parent_code') || null;
    const kindRaw = cell(row, columns, 'kind');
    const typeRaw = cell(row, columns, 'type');
    const kind = matchValue(kindRaw, unitKindAliases);
    const type = typeRaw === '' ? null : matchValue(typeRaw, unitTypeAliases);
    const before = problems.length;
    if (!code) problems.push({ line: row.line, field: 'code', code: 'required' });
    else if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(code)) problems.push({ line: row.line, field: 'code', code: 'invalid_value', value: code });
    else if (seen.has(code)) problems.push({ line: row.line, field: 'code', code: 'duplicate_in_file', value: code });
    if (!name) problems.push({ line: row.line, field: 'name', code: 'required' });
    else if (name.length > 200) problems.push({ line: row.line, field: 'name', code: 'invalid_value', value: name.slice(0, 40) });
    if (!kindRaw) problems.push({ line: row.line, field: 'kind', code: 'required' });
    else if (!kind) problems.push({ line: row.line, field: 'kind', code: 'invalid_value', value: kindRaw });
    if (type === undefined) problems.push({ line: row.line, field: 'type', code: 'invalid_value', value: typeRaw });
    if (parentCode === code && code) problems.push({ line: row.line, field: 'parent_code', code: 'cycle', value: code });
    if (code && !seen.has(code)) seen.set(code, row.line);
    if (problems.length === before && kind && type !== undefined) {
      rows.push({ line: row.line, code, name, parentCode, kind, type });
    }
  }

  const existing = await ctx.db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind, type: units.type, parentId: units.parentId })
    .from(units);
  const byId = new Map(existing.map((u) => [u.id, u]));
  // The tree as it will be after the import: file rows override stored ones.
  const finalKind = new Map<string, UnitKind>(existing.map((u) => [u.code, u.kind]));
  const finalParent = new Map<string, string | null>(
    existing.map((u) => [u.code, u.parentId == null ? null : (byId.get(u.parentId)?.code ?? null)]),
  );
  for (const r of rows) {
    finalKind.set(r.code, r.kind);
    finalParent.set(r.code, r.parentCode);
  }
  problems.push(...checkTree(rows, finalKind, finalParent));
  if (problems.length > 0) throw new ImportRejectedError(problems.sort((a, b) => a.line - b.line));

  const storedByCode = new Map(existing.map((u) => [u.code, u]));
  const now = ctx.clock.now();
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const statements = [];
  for (const r of orderParentsFirst(rows)) {
    const stored = storedByCode.get(r.code);
    const storedParent = stored ? finalParentOf(stored.parentId, byId) : null;
    if (!stored) summary.created++;
    else if (stored.name !== r.name || stored.kind !== r.kind || stored.type !== r.type || storedParent !== r.parentCode)
      summary.updated++;
    else {
      summary.unchanged++;
      continue;
    }
    const parentId = r.parentCode ? sql`(SELECT id FROM units WHERE code = ${r.parentCode})` : sql`NULL`;
    statements.push(
      ctx.db
        .insert(units)
        .values({ code: r.code, name: r.name, kind: r.kind, type: r.type, path: '/', parentId, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: units.code,
          set: { name: r.name, kind: r.kind, type: r.type, parentId, updatedAt: now },
        }),
    );
  }
  if (statements.length === 0) return summary;
  await ctx.db.batch([
    ...(statements as [(typeof statements)[number], ...typeof statements]),
    recomputeUnitPathsStatement(ctx.db),
    auditStatement(ctx, { action: 'units.import', entity: 'unit', details: { ...summary } }),
  ]);
  return summary;
}

function finalParentOf(parentId: number | null, byId: Map<number, { code: string }>): string | null {
  return parentId == null ? null : (byId.get(parentId)?.code ?? null);
}

function checkTree(
  rows: UnitRow[],
  kindOf: Map<string, UnitKind>,
  parentOf: Map<string, string | null>,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const r of rows) {
    if (r.parentCode && !kindOf.has(r.parentCode)) {
      problems.push({ line: r.line, field: 'parent_code', code: 'unknown_parent', value: r.parentCode });
      continue;
    }
    const parentKind = r.parentCode ? (kindOf.get(r.parentCode) ?? null) : null;
    if (!allowedParentKinds[r.kind].includes(parentKind)) {
      problems.push({ line: r.line, field: 'parent_code', code: 'invalid_parent_kind', value: r.parentCode ?? '' });
      continue;
    }
    // Walk up: reaching this unit again means the file closes a loop.
    const visited = new Set<string>([r.code]);
    let up = r.parentCode;
    while (up) {
      if (visited.has(up)) {
        problems.push({ line: r.line, field: 'parent_code', code: 'cycle', value: r.parentCode ?? '' });
        break;
      }
      visited.add(up);
      up = parentOf.get(up) ?? null;
    }
  }
  return problems;
}

/** Orders rows so each parent is written before its children (parents outside the file exist already). */
function orderParentsFirst(rows: UnitRow[]): UnitRow[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const out: UnitRow[] = [];
  const done = new Set<string>();
  const visit = (r: UnitRow) => {
    if (done.has(r.code)) return;
    done.add(r.code);
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (parent) visit(parent);
    out.push(r);
  };
  rows.forEach(visit);
  return out;
}
