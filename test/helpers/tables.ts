import { parseCsv } from '../../src/cli/read-table';
import type { Table } from '../../src/services/roster/table';

/** Builds an import table from CSV text, the way the CLI reads a file. */
export const csv = (text: string): Table => parseCsv(text.replace(/^\n/, ''));

export const smallTree = csv(`
code,name,parent_code,kind,type
K,Đảng bộ Khối thử nghiệm,,đảng bộ khối,
CS1,Đảng bộ Sở Xây dựng,K,đảng bộ cơ sở,cơ quan hành chính
CB1,Chi bộ Văn phòng,CS1,chi bộ trực thuộc,
CB2,Chi bộ Kế toán,CS1,chi bộ trực thuộc,
CBCS,Chi bộ Trường Chính trị,K,chi bộ cơ sở,đơn vị sự nghiệp
`);

export const smallRoster = csv(`
code,full_name,unit_code,role,status,phone,birth_year,exempt
M1,Nguyễn Văn An,CB1,bí thư,chính thức,0912 345 678,1970,
M2,Trần Thị Bình,CB1,đảng viên,dự bị,,1995,
M3,Lê Văn Cường,CB2,phó bí thư,chính thức,,1980,
M4,Phạm Thị Dung,CB2,member,full,,1950,có
M5,Hoàng Văn Em,CBCS,secretary,full,,1975,
`);
