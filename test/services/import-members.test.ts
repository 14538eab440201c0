import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../src/services/members/import-members';
import { ImportRejectedError } from '../../src/services/roster/table';
import { DAY } from '../helpers/fake-clock';
import { csv, smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
});
afterEach(() => t.close());

describe('importMembers', () => {
  it('imports roles, statuses, phones and exemptions given in Vietnamese or English', async () => {
    expect(await t.services.importMembers(smallRoster)).toEqual({ created: 5, updated: 0, moved: 0, unchanged: 0 });
    const rows = await t.db.all<{ code: string; role: string; status: string; phone: string | null; exempt: number }>(
      sql`SELECT code, role, status, phone, exempt FROM members ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'M1', role: 'secretary', status: 'full', phone: '0912345678', exempt: 0 },
      { code: 'M2', role: 'member', status: 'probationary', phone: null, exempt: 0 },
      { code: 'M3', role: 'deputy_secretary', status: 'full', phone: null, exempt: 0 },
      { code: 'M4', role: 'member', status: 'full', phone: null, exempt: 1 },
      { code: 'M5', role: 'secretary', status: 'full', phone: null, exempt: 0 },
    ]);
    const cb1 = await t.services.listMembers({ unitCode: 'CS1' });
    expect(cb1.map((m) => m.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
  });

  it('accepts Vietnamese headers', async () => {
    const table = csv(`
Mã đảng viên,Họ và tên,Mã chi bộ,Chức vụ,Trạng thái,Số điện thoại,Năm sinh,Miễn sinh hoạt
V1,Đỗ Thị Hoa,CB1,Phó bí thư,Dự bị,+84 912 000 111,1990,không
`);
    await t.services.importMembers(table);
    const [m] = await t.db.all<Record<string, unknown>>(sql`SELECT full_name, role, status, phone FROM members`);
    expect(m).toEqual({ full_name: 'Đỗ Thị Hoa', role: 'deputy_secretary', status: 'probationary', phone: '0912000111' });
  });

  it('imports nothing from a file with bad rows and lists each one', async () => {
    const table = csv(`
code,full_name,unit_code,role,status,phone,birth_year,exempt
M1,Nguyễn Văn An,CB1,bí thư,chính thức,,1970,
M2,,CB1,đảng viên,,,,
M3,Lê Văn Cường,XX,đảng viên,,,,
M4,Phạm Thị Dung,CB2,thủ quỹ,,,,
M5,Hoàng Văn Em,CB2,,tạm,12345,1800,có lẽ
M1,Nguyễn Văn An,CB1,,,,,
`);
    const error = (await t.services.importMembers(table).catch((e: unknown) => e)) as ImportRejectedError;
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect(error.problems.map((p) => `${p.line}:${p.field}:${p.code}`)).toEqual([
      '3:full_name:required',
      '4:unit_code:unknown_unit',
      '5:role:invalid_value',
      '6:status:invalid_value',
      '6:phone:invalid_value',
      '6:birth_year:invalid_value',
      '6:exempt:invalid_value',
      '7:code:duplicate_in_file',
    ]);
    expect(await t.count('members')).toBe(0);
  });

  it('changes nothing on a second import of the same file', async () => {
    await t.services.importMembers(smallRoster);
    const before = await t.db.all(sql`SELECT * FROM members ORDER BY id`);
    t.clock.advance(DAY);
    expect(await t.services.importMembers(smallRoster)).toEqual({ created: 0, updated: 0, moved: 0, unchanged: 5 });
    expect(await t.db.all(sql`SELECT * FROM members ORDER BY id`)).toEqual(before);
    expect(await t.count('member_unit_history')).toBe(5);
  });

  it('keeps the history of a member who moves to another unit (chuyển sinh hoạt)', async () => {
    await t.services.importMembers(smallRoster);
    const joined = t.clock.now();
    t.clock.advance(30 * DAY);
    const summary = await t.services.importMembers(
      csv('code,full_name,unit_code,role,status\nM2,Trần Thị Bình,CBCS,đảng viên,chính thức\n'),
    );
    expect(summary).toEqual({ created: 0, updated: 0, moved: 1, unchanged: 0 });
    const history = await t.db.all<{ unit: string; from_at: number; to_at: number | null }>(sql`
      SELECT u.code AS unit, h.from_at, h.to_at FROM member_unit_history h
      JOIN units u ON u.id = h.unit_id JOIN members m ON m.id = h.member_id
      WHERE m.code = 'M2' ORDER BY h.id`);
    expect(history).toEqual([
      { unit: 'CB1', from_at: joined.getTime(), to_at: t.clock.now().getTime() },
      { unit: 'CBCS', from_at: t.clock.now().getTime(), to_at: null },
    ]);
    expect((await t.services.listMembers({ unitCode: 'CBCS' })).map((m) => m.fullName)).toEqual(['Hoàng Văn Em', 'Trần Thị Bình']);
    expect((await t.services.listMembers({ unitCode: 'CB1' })).map((m) => m.code)).toEqual(['M1']);
  });

  it('normalises Vietnamese phone numbers', () => {
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('12345')).toBeNull();
  });
});
