import type { MemberRole, MemberStatus } from '../../db/schema';

export const memberRoleAliases: Record<MemberRole, readonly string[]> = {
  member: ['dang_vien', 'thanh_vien'],
  secretary: ['bi_thu', 'bi_thu_chi_bo'],
  deputy_secretary: ['pho_bi_thu', 'pho_bi_thu_chi_bo', 'deputy'],
  committee_member: ['chi_uy_vien', 'cap_uy_vien', 'uy_vien', 'dang_uy_vien', 'committee'],
};

export const memberStatusAliases: Record<MemberStatus, readonly string[]> = {
  full: ['chinh_thuc', 'dang_vien_chinh_thuc', 'ct'],
  probationary: ['du_bi', 'dang_vien_du_bi', 'db'],
};

export const yesNoAliases = {
  yes: ['true', '1', 'x', 'co', 'yes', 'mien', 'mien_sinh_hoat'],
  no: ['false', '0', 'khong', 'no'],
} as const;

/** Roles that lead a unit and get the secretary's commands. */
export const officerRoles: readonly MemberRole[] = ['secretary', 'deputy_secretary', 'committee_member'];
