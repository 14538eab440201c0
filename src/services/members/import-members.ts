import { and, eq, isNull, sql } from 'drizzle-orm';
import { type MemberRole, type MemberStatus, members, memberUnitHistory, units } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import {
  cell,
  ImportRejectedError,
  mapColumns,
  matchValue,
  nonEmptyRows,
  type Table,
} from '../roster/table';
import { memberRoleAliases, memberStatusAliases, yesNoAliases } from './member-vocabulary';

const memberColumnAliases = {
  code: ['ma', 'ma_dang_vien', 'ma_so', 'so_the', 'so_the_dang_vien'],
  full_name: ['ho_ten', 'ho_va_ten', 'ten', 'name'],
  unit_code: ['ma_don_vi', 'don_vi', 'ma_chi_bo', 'chi_bo', 'unit'],
  role: ['vai_tro', 'chuc_vu', 'chuc_vu_dang'],
  status: ['trang_thai', 'loai_dang_vien'],
  phone: ['so_dien_thoai', 'dien_thoai', 'sdt'],
  birth_year: ['nam_sinh'],
  exempt: ['mien_sinh_hoat', 'mien_sh'],
} as const;

interface MemberRow {
  line: number;
  code: string;
  fullName: string;
  unitCode: string;
  role: MemberRole;
  status: MemberStatus;
  phone: string | null;
  birthYear: number | null;
  exempt: boolean;
}

export interface MemberImportSummary {
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
}

/** "0912 345 678" / "+84912345678" → "0912345678"; null when it is not a Vietnamese number. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.()-]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  return /^0\d{9,10}$/.test(local) ? local : null;
}

/**
 * Creates or updates members by code. A member whose unit changes is moved
 * (chuyển sinh hoạt): the old history row is closed and a new one opened.
 */
export async function importMembers({ ctx, input: table }: { ctx: ServiceContext; input: Table }): Promise<MemberImportSummary> {
  const { columns, problems } = mapColumns(table.headers, memberColumnAliases, ['code', 'full_name', 'unit_code']);
  if (problems.length > 0) throw new ImportRejectedError(problems);
  const rawRows = nonEmptyRows(table);
  if (rawRows.length === 0) throw new ImportRejectedError([{ line: 1, code: 'empty_file' }]);

  const unitIds = new Map((await ctx.db.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
  const thisYear = ctx.clock.now().getUTCFullYear();
  const seen = new Set<string>();
  const rows: MemberRow[] = [];
  for (const row of rawRows) {
    const before = problems.length;
    const bad = (field: string, value?: string) => problems.push({ line: row.line, field, code: 'invalid_value', value });
    const code = cell(row, columns, 'code');
    const fullName = cell(row, columns, 'full_name').replace(/\s+/g, ' ');
    const unitCode = cell(row, columns, 'unit_code');
    const roleRaw = cell(row, columns, 'role');
    const statusRaw = cell(row, columns, 'status');
    const phoneRaw = cell(row, columns, 'phone');
    const yearRaw = cell(row, columns, 'birth_year');
    const exemptRaw = cell(row, columns, 'exempt');

    if (!code) problems.push({ line: row.line, field: 'code', code: 'required' });
    else if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(code)) bad('code', code);
    else if (seen.has(code)) problems.push({ line: row.line, field: 'code', code: 'duplicate_in_file', value: code });
    seen.add(code);
    if (!fullName) problems.push({ line: row.line, field: 'full_name', code: 'required' });
    else if (fullName.length > 120 || /[\d@<>]/.test(fullName)) bad('full_name', fullName.slice(0, 40));
    if (!unitCode) problems.push({ line: row.line, field: 'unit_code', code: 'required' });
    else if (!unitIds.has(unitCode)) problems.push({ line: row.line, field: 'unit_code', code: 'unknown_unit', value: unitCode });
    const role = roleRaw === '' ? 'member' : matchValue(roleRaw, memberRoleAliases);
    if (!role) bad('role', roleRaw);
    const status = statusRaw === '' ? 'full' : matchValue(statusRaw, memberStatusAliases);
    if (!status) bad('status', statusRaw);
    const phone = phoneRaw === '' ? null : normalisePhone(phoneRaw);
    if (phoneRaw !== '' && !phone) bad('phone', phoneRaw);
    const birthYear = yearRaw === '' ? null : Number(yearRaw);
    if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > thisYear - 16)) bad('birth_year', yearRaw);
    const exempt = exemptRaw === '' ? 'no' : matchValue(exemptRaw, yesNoAliases);
    if (!exempt) bad('exempt', exemptRaw);

    if (problems.length === before && role && status && exempt) {
      rows.push({ line: row.line, code, fullName, unitCode, role, status, phone, birthYear, exempt: exempt === 'yes' });
    }
  }
  if (problems.length > 0) throw new ImportRejectedError(problems);

  const stored = new Map(
    (await ctx.db.select().from(members)).map((m) => [m.code, m]),
  );
  const now = ctx.clock.now();
  const summary: MemberImportSummary = { created: 0, updated: 0, moved: 0, unchanged: 0 };
  const statements = [];
  for (const r of rows) {
    const unitId = unitIds.get(r.unitCode)!;
    const old = stored.get(r.code);
    const fields = { fullName: r.fullName, unitId, role: r.role, status: r.status, phone: r.phone, birthYear: r.birthYear, exempt: r.exempt };
    if (!old) {
      summary.created++;
      statements.push(ctx.db.insert(members).values({ code: r.code, ...fields, createdAt: now, updatedAt: now }));
      statements.push(
        ctx.db.insert(memberUnitHistory).values({ memberId: sql`(SELECT id FROM members WHERE code = ${r.code})`, unitId, fromAt: now }),
      );
      continue;
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => old[k] !== fields[k]);
    if (!changed) {
      summary.unchanged++;
      continue;
    }
    statements.push(ctx.db.update(members).set({ ...fields, updatedAt: now }).where(eq(members.id, old.id)));
    if (old.unitId !== unitId) {
      summary.moved++;
      statements.push(
        ctx.db
          .update(memberUnitHistory)
          .set({ toAt: now })
          .where(and(eq(memberUnitHistory.memberId, old.id), isNull(memberUnitHistory.toAt))),
        ctx.db.insert(memberUnitHistory).values({ memberId: old.id, unitId, fromAt: now }),
      );
    } else summary.updated++;
  }
  if (statements.length === 0) return summary;
  await ctx.db.batch([
    ...(statements as [(typeof statements)[number], ...typeof statements]),
    auditStatement(ctx, { action: 'members.import', entity: 'member', details: { ...summary } }),
  ]);
  return summary;
}

