import type { MemberRole, MemberStatus, UnitKind, UnitType } from '../db/schema';
import type { RowProblem } from '../services/roster/table';

// Every text the admin CLI prints, in Vietnamese (NFC).

export const unitKindNames: Record<UnitKind, string> = {
  dang_bo_khoi: 'Đảng bộ khối',
  dang_bo_co_so: 'Đảng bộ cơ sở',
  dang_bo_bo_phan: 'Đảng bộ bộ phận',
  chi_bo_co_so: 'Chi bộ cơ sở',
  chi_bo_truc_thuoc: 'Chi bộ trực thuộc',
  to_dang: 'Tổ đảng',
};

export const unitTypeNames: Record<UnitType, string> = {
  co_quan_hanh_chinh: 'Cơ quan hành chính',
  don_vi_su_nghiep: 'Đơn vị sự nghiệp',
  doanh_nghiep_nha_nuoc: 'Doanh nghiệp nhà nước',
  doanh_nghiep_ngoai_nha_nuoc: 'Doanh nghiệp ngoài nhà nước',
  khac: 'Loại hình khác',
};

export const roleNames: Record<MemberRole, string> = {
  member: 'đảng viên',
  secretary: 'bí thư',
  deputy_secretary: 'phó bí thư',
  committee_member: 'cấp ủy viên',
};

export const statusNames: Record<MemberStatus, string> = { full: 'chính thức', probationary: 'dự bị' };

const problemText: Record<RowProblem['code'], string> = {
  missing_column: 'thiếu cột bắt buộc',
  required: 'chưa có giá trị (bắt buộc)',
  invalid_value: 'giá trị không hợp lệ',
  duplicate_in_file: 'mã bị trùng trong tệp',
  unknown_parent: 'không tìm thấy đơn vị cấp trên',
  unknown_unit: 'không tìm thấy đơn vị (hãy nhập danh sách đơn vị trước)',
  cycle: 'cấp trên tạo thành vòng lặp',
  invalid_parent_kind: 'loại đơn vị cấp trên không phù hợp',
  empty_file: 'tệp không có dòng dữ liệu nào',
};

export function formatProblem(p: RowProblem): string {
  const field = p.field ? ` cột "${p.field}"` : '';
  const value = p.value !== undefined && p.value !== '' ? `: "${p.value}"` : '';
  return `  Dòng ${p.line}${field} — ${problemText[p.code]}${value}`;
}

export const cliText = {
  usage: `Cách dùng: npm run cli -- <lệnh>

  migrate                                  Áp dụng các bản di chuyển cơ sở dữ liệu
  seed demo                                Tạo tổ chức mẫu nếu cơ sở dữ liệu trống
  import units TỆP [--json]                Nhập cây đơn vị từ CSV/XLSX
  import members TỆP [--json]              Nhập danh sách đảng viên từ CSV/XLSX
  units list [--json]                      Liệt kê đơn vị
  members list [--unit MÃ] [--json]        Liệt kê đảng viên (cả các đơn vị cấp dưới)
  invite --member MÃ | --unit MÃ [--ttl-hours N] [--json]
                                           Tạo mã mời liên kết Telegram (CSV cho cả đơn vị)`,
  rejected: (n: number) => `Tệp có ${n} lỗi; chưa nhập dòng nào. Sửa các dòng sau rồi nhập lại:`,
  unitsImported: (s: { created: number; updated: number; unchanged: number }) =>
    `Đã nhập đơn vị: ${s.created} mới, ${s.updated} cập nhật, ${s.unchanged} không đổi.`,
  membersImported: (s: { created: number; updated: number; moved: number; unchanged: number }) =>
    `Đã nhập đảng viên: ${s.created} mới, ${s.updated} cập nhật, ${s.moved} chuyển sinh hoạt, ${s.unchanged} không đổi.`,
  migrated: 'Cơ sở dữ liệu đã được cập nhật.',
  seeded: (done: boolean) => (done ? 'Đã tạo tổ chức mẫu.' : 'Cơ sở dữ liệu đã có dữ liệu; không tạo tổ chức mẫu.'),
  fileError: {
    not_found: (f: string) => `Không tìm thấy tệp: ${f}`,
    unsupported: (f: string) => `Không hỗ trợ định dạng tệp này (chỉ nhận .csv hoặc .xlsx): ${f}`,
    unreadable: (f: string) => `Không đọc được tệp (hỏng hoặc sai định dạng): ${f}`,
    too_large: (f: string) => `Tệp quá lớn (tối đa 20 MB): ${f}`,
  },
  notFound: (what: string) => `Không tìm thấy: ${what}`,
  noBotUsername: 'Chưa đặt TELEGRAM_BOT_USERNAME nên đường link dùng <ten_bot>; đặt biến này để có link đúng.',
  noInvites: (linked: number) => `Không tạo mã nào: ${linked} đồng chí trong đơn vị đã liên kết Telegram.`,
  inviteOne: (p: { name: string; code: string; link: string; expires: string }) =>
    `Mã mời cho đồng chí ${p.name}: ${p.code}\nĐường link: ${p.link}\nHết hạn: ${p.expires}`,
  unknownCommand: (c: string) => `Lệnh không đúng: ${c}`,
  badConfig: 'Cấu hình chưa hợp lệ:',
};
