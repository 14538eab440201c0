import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../src/services/roster/table';
import { csv, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

async function rejection(promise: Promise<unknown>): Promise<ImportRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejectedError);
  return error as ImportRejectedError;
}

describe('importUnits', () => {
  it('builds the tree with kinds, types and subtree paths', async () => {
    const summary = await t.services.importUnits(smallTree, 'cli');
    expect(summary).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const units = await t.services.listUnits(undefined);
    expect(units.map((u) => [u.code, u.parentCode, u.kind, u.depth])).toEqual([
      ['K', null, 'dang_bo_khoi', 0],
      ['CS1', 'K', 'dang_bo_co_so', 1],
      ['CB1', 'CS1', 'chi_bo_truc_thuoc', 2],
      ['CB2', 'CS1', 'chi_bo_truc_thuoc', 2],
      ['CBCS', 'K', 'chi_bo_co_so', 1],
    ]);
    expect(units.find((u) => u.code === 'CS1')?.type).toBe('co_quan_hanh_chinh');
  });

  it('accepts Vietnamese headers and values, and a semicolon-separated file', async () => {
    const table = csv(`
Mã đơn vị;Tên đơn vị;Mã cấp trên;Loại tổ chức;Loại hình
K;Đảng bộ Khối;;Đảng bộ Khối;
DN;Đảng bộ Công ty Cổ phần;K;Đảng bộ cơ sở;Doanh nghiệp cổ phần tư nhân
`);
    await t.services.importUnits(table);
    const units = await t.services.listUnits(undefined);
    expect(units.map((u) => [u.code, u.kind, u.type])).toEqual([
      ['K', 'dang_bo_khoi', null],
      ['DN', 'dang_bo_co_so', 'doanh_nghiep_ngoai_nha_nuoc'],
    ]);
  });

  it('rejects the whole file and lists every bad row with its line number', async () => {
    const table = csv(`
code,name,parent_code,kind,type
K,Đảng bộ Khối,,đảng bộ khối,
CB1,Chi bộ A,NOPE,chi bộ trực thuộc,
,Chi bộ không mã,K,chi bộ cơ sở,
CB3,Chi bộ C,K,chi bộ gì đó,
K,Trùng mã,,đảng bộ khối,
CB5,Chi bộ E,K,chi bộ cơ sở,loại lạ
TD,Tổ đảng treo,K,tổ đảng,
`);
    const error = await rejection(t.services.importUnits(table));
    expect(error.problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [3, 'parent_code', 'unknown_parent'],
      [4, 'code', 'required'],
      [5, 'kind', 'invalid_value'],
      [6, 'code', 'duplicate_in_file'],
      [7, 'type', 'invalid_value'],
      [8, 'parent_code', 'invalid_parent_kind'],
    ]);
    expect(await t.count('units')).toBe(0);
    expect(await t.count('audit_log')).toBe(0);
  });

  it('names a missing required column', async () => {
    const error = await rejection(t.services.importUnits(csv('code,name\nK,Khối\n')));
    expect(error.problems).toEqual([{ line: 1, field: 'kind', code: 'missing_column' }]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await t.services.importUnits(smallTree);
    const before = await t.db.all(sql`SELECT * FROM units ORDER BY id`);
    t.clock.advance(60_000);
    const again = await t.services.importUnits(smallTree);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await t.db.all(sql`SELECT * FROM units ORDER BY id`)).toEqual(before);
    expect(await t.count('audit_log')).toBe(1);
  });

  it('moves a branch to another committee and refreshes the subtree paths', async () => {
    await t.services.importUnits(smallTree);
    await t.services.importUnits(
      csv(`
code,name,parent_code,kind,type
CS2,Đảng bộ Sở Y tế,K,đảng bộ cơ sở,cơ quan hành chính
CB2,Chi bộ Kế toán,CS2,chi bộ trực thuộc,
TD1,Tổ đảng 1,CB2,tổ đảng,
`),
    );
    const units = await t.services.listUnits(undefined);
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('CB2')?.parentCode).toBe('CS2');
    expect(byCode.get('TD1')?.depth).toBe(3);
    // Members of CS2's subtree now include CB2's cell.
    const rows = await t.db.all<{ code: string }>(sql`
      SELECT u.code FROM units u, units p WHERE p.code = 'CS2' AND u.path LIKE p.path || '%' ORDER BY u.code`);
    expect(rows.map((r) => r.code)).toEqual(['CB2', 'CS2', 'TD1']);
  });

  it('refuses a parent change that would close a loop', async () => {
    await t.services.importUnits(
      csv(`
code,name,parent_code,kind,type
A,Đảng bộ cơ sở A,,đảng bộ cơ sở,
B,Đảng bộ bộ phận B,A,đảng bộ bộ phận,
`),
    );
    const error = await rejection(
      t.services.importUnits(csv('code,name,parent_code,kind,type\nA,Đảng bộ cơ sở A,B,đảng bộ cơ sở,\n')),
    );
    expect(error.problems[0]?.code).toMatch(/cycle|invalid_parent_kind/);
    expect((await t.services.listUnits(undefined)).find((u) => u.code === 'A')?.parentCode).toBeNull();
  });
});
