import type { UnitKind, UnitType } from '../../db/schema';

/** Folded spellings accepted for each unit kind (canonical codes and Vietnamese names). */
export const unitKindAliases: Record<UnitKind, readonly string[]> = {
  dang_bo_khoi: ['dang_bo_khoi', 'dbk', 'bloc'],
  dang_bo_co_so: ['dang_bo_co_so', 'dbcs', 'grassroots_committee'],
  dang_bo_bo_phan: ['dang_bo_bo_phan', 'dbbp'],
  chi_bo_co_so: ['chi_bo_co_so', 'cbcs', 'grassroots_branch'],
  chi_bo_truc_thuoc: ['chi_bo_truc_thuoc', 'cbtt', 'chi_bo', 'branch'],
  to_dang: ['to_dang', 'cell'],
};

export const unitTypeAliases: Record<UnitType, readonly string[]> = {
  co_quan_hanh_chinh: ['co_quan_hanh_chinh', 'co_quan', 'hanh_chinh'],
  don_vi_su_nghiep: ['don_vi_su_nghiep', 'su_nghiep'],
  doanh_nghiep_nha_nuoc: ['doanh_nghiep_nha_nuoc', 'dnnn'],
  doanh_nghiep_ngoai_nha_nuoc: [
    'doanh_nghiep_ngoai_nha_nuoc',
    'doanh_nghiep_co_phan_tu_nhan',
    'doanh_nghiep_co_phan_tu_nhan_ngoai_nha_nuoc',
    'doanh_nghiep_tu_nhan',
    'doanh_nghiep_co_phan',
  ],
  khac: ['khac', 'loai_hinh_khac'],
};

/** Which kinds may stand directly above each kind (null: may be a root). */
export const allowedParentKinds: Record<UnitKind, readonly (UnitKind | null)[]> = {
  dang_bo_khoi: [null],
  dang_bo_co_so: [null, 'dang_bo_khoi'],
  chi_bo_co_so: [null, 'dang_bo_khoi'],
  dang_bo_bo_phan: ['dang_bo_co_so'],
  chi_bo_truc_thuoc: ['dang_bo_co_so', 'dang_bo_bo_phan'],
  to_dang: ['chi_bo_co_so', 'chi_bo_truc_thuoc'],
};
