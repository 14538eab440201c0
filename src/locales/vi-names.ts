import type { DocumentKind, MemberRole, MemberStatus, UnitKind, UnitType } from '../db/schema';

// Vietnamese names of domain values, shared by every surface (bot, CLI, web).

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
  member: 'Đảng viên',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Cấp ủy viên',
};

export const statusNames: Record<MemberStatus, string> = { full: 'Chính thức', probationary: 'Dự bị' };

export const documentKindNames: Record<DocumentKind, string> = {
  nghi_quyet: 'Nghị quyết',
  ke_hoach: 'Kế hoạch',
  bao_cao: 'Báo cáo',
  ket_luan: 'Kết luận',
  chi_thi: 'Chỉ thị',
  quy_dinh: 'Quy định',
  huong_dan: 'Hướng dẫn',
  chuong_trinh_hanh_dong: 'Chương trình hành động',
  cong_van: 'Công văn',
  khac: 'Văn bản',
};
