import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsx } from '../helpers/run-node';

let dir: string;
let env: Record<string, string>;
const cli = (...args: string[]) => runTsx('src/cli.ts', args, env);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chibo-cli-'));
  env = { DATABASE_URL: `file:${join(dir, 'cli.db')}`, TELEGRAM_BOT_USERNAME: 'chibo_demo_bot' };
  writeFileSync(
    join(dir, 'units.csv'),
    'Mã đơn vị,Tên đơn vị,Mã cấp trên,Loại tổ chức,Loại hình\nK,Đảng bộ Khối,,đảng bộ khối,\nCB,Chi bộ Ban Tuyên giáo,K,chi bộ cơ sở,cơ quan hành chính\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('admin CLI', () => {
  it('imports units from CSV and members from XLSX, then lists them as JSON and nothing else', async () => {
    expect((await cli('import', 'units', join(dir, 'units.csv'))).stdout).toContain('2 mới');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['code', 'full_name', 'unit_code', 'role', 'status', 'phone', 'birth_year', 'exempt']);
    sheet.addRow(['D1', 'Võ Thị Hạnh', 'CB', 'bí thư', 'chính thức', '0987654321', 1978, '']);
    sheet.addRow(['D2', 'Bùi Văn Hùng', 'CB', 'đảng viên', 'dự bị', '', 1999, '']);
    await workbook.xlsx.writeFile(join(dir, 'members.xlsx'));
    const imported = await cli('import', 'members', join(dir, 'members.xlsx'), '--json');
    expect(JSON.parse(imported.stdout)).toEqual({ created: 2, updated: 0, moved: 0, unchanged: 0 });

    const listed = await cli('members', 'list', '--unit', 'K', '--json');
    expect(listed.code).toBe(0);
    const members = JSON.parse(listed.stdout) as { code: string; fullName: string; telegramLinked: boolean }[];
    expect(members.map((m) => [m.code, m.fullName, m.telegramLinked])).toEqual([
      ['D2', 'Bùi Văn Hùng', false],
      ['D1', 'Võ Thị Hạnh', false],
    ]);
    expect(JSON.stringify(members)).not.toContain('0987654321');

    const units = JSON.parse((await cli('units', 'list', '--json')).stdout) as { code: string; members: number }[];
    expect(units.map((u) => [u.code, u.members])).toEqual([
      ['K', 0],
      ['CB', 2],
    ]);
  });

  it('rejects an XLSX with bad rows, naming each row, and imports nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Mã đảng viên', 'Họ và tên', 'Mã chi bộ', 'Chức vụ']);
    sheet.addRow(['E1', 'Đặng Văn Long', 'CB', 'đảng viên']);
    sheet.addRow(['E2', 'Ngô Thị Mai', 'KHONGCO', 'đảng viên']);
    sheet.addRow(['E3', '', 'CB', 'trưởng phòng']);
    await workbook.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const result = await cli('import', 'members', join(dir, 'bad.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Tệp có 3 lỗi; chưa nhập dòng nào');
    expect(result.stderr).toContain('Dòng 3 cột "unit_code" — không tìm thấy đơn vị');
    expect(result.stderr).toContain('Dòng 4 cột "full_name"');
    expect(result.stderr).toContain('Dòng 4 cột "role" — giá trị không hợp lệ: "trưởng phòng"');
    const members = JSON.parse((await cli('members', 'list', '--json')).stdout) as unknown[];
    expect(members).toHaveLength(2);
  });

  it('prints invite codes with deep links, as CSV for a whole unit', async () => {
    const result = await cli('invite', '--unit', 'CB');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('member_code,full_name,unit_code,invite_code,link,expires_at');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^D2,Bùi Văn Hùng,CB,([A-Z2-9]{10}),https:\/\/t\.me\/chibo_demo_bot\?start=\1,/);

    const one = await cli('invite', '--member', 'D1', '--json');
    const [invite] = JSON.parse(one.stdout) as { code: string; link: string }[];
    expect(invite?.link).toBe(`https://t.me/chibo_demo_bot?start=${invite?.code}`);
  });

  it('mints dashboard sign-in links for an admin and for a secretary, not for a plain member', async () => {
    const adminLink = await cli('dashboard', 'link', '--admin', '--json');
    expect(adminLink.code).toBe(0);
    const parsed = JSON.parse(adminLink.stdout) as { url: string; role: string };
    expect(parsed.role).toBe('admin');
    expect(parsed.url).toMatch(/^http:\/\/localhost:3000\/dashboard\/sign-in\?token=[\w-]{40,}$/);

    const secretary = await cli('dashboard', 'link', '--member', 'D1');
    expect(secretary.stdout).toContain('dùng một lần');
    const member = await cli('dashboard', 'link', '--member', 'D2');
    expect(member.code).toBe(1);
    expect(member.stderr).toContain('không có quyền xem bảng theo dõi');
  }, 60_000);

  it('explains a missing file and a wrong command', async () => {
    const missing = await cli('import', 'units', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
    const wrong = await cli('frobnicate');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Lệnh không đúng');
  });
});

describe('backup, restore and data rights from the CLI', () => {
  it('backs up, refuses a bad backup, restores a good one', async () => {
    const backup = join(dir, 'backup.db');
    expect((await cli('backup', backup)).code).toBe(0);
    expect((await cli('backup', backup)).stderr).toContain('đã tồn tại');
    await cli('member', 'erase', 'D2', '--confirm');
    expect(JSON.parse((await cli('members', 'list', '--json')).stdout).map((m: { code: string }) => m.code)).not.toContain('D2');
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    const junk = await cli('restore', join(dir, 'junk.db'));
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('hỏng');
    expect((await cli('restore', backup)).code).toBe(0);
    expect(JSON.parse((await cli('members', 'list', '--json')).stdout).map((m: { code: string }) => m.code)).toContain('D2');
  });

  it('refuses to restore over an embedded replica, whose data lives on its server', async () => {
    const replica = await runTsx('src/cli.ts', ['restore', join(dir, 'any-backup.db')], { ...env, DATABASE_SYNC_URL: 'http://127.0.0.1:9' });
    expect(replica.code).toBe(1);
    expect(replica.stderr).toContain('Chỉ sao lưu/khôi phục được cơ sở dữ liệu dạng tệp');
  });

  it('asks for --confirm before erasing, and exports a member as JSON', async () => {
    const refused = await cli('member', 'erase', 'D1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--confirm');
    const exported = JSON.parse((await cli('member', 'export', 'D1')).stdout) as { member: { full_name: string } };
    expect(exported.member.full_name).toBe('Võ Thị Hạnh');
  });
});
