import type { Table } from '../roster/table';

// A fictional bloc for demos and first runs; every name here is invented.
const unitRows: [code: string, name: string, parent: string, kind: string, type: string][] = [
  ['DBK', 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh (mẫu)', '', 'đảng bộ khối', ''],
  ['DBCS-STC', 'Đảng bộ Sở Tài chính', 'DBK', 'đảng bộ cơ sở', 'cơ quan hành chính'],
  ['CB-STC-VP', 'Chi bộ Văn phòng Sở Tài chính', 'DBCS-STC', 'chi bộ trực thuộc', ''],
  ['CB-STC-NS', 'Chi bộ Phòng Ngân sách', 'DBCS-STC', 'chi bộ trực thuộc', ''],
  ['DBCS-DL', 'Đảng bộ Công ty Điện lực tỉnh', 'DBK', 'đảng bộ cơ sở', 'doanh nghiệp nhà nước'],
  ['CB-DL-KD', 'Chi bộ Phòng Kinh doanh', 'DBCS-DL', 'chi bộ trực thuộc', ''],
  ['CB-DL-KT', 'Chi bộ Phòng Kỹ thuật', 'DBCS-DL', 'chi bộ trực thuộc', ''],
  ['CBCS-BV', 'Chi bộ Bệnh viện Y học cổ truyền', 'DBK', 'chi bộ cơ sở', 'đơn vị sự nghiệp'],
  ['CBCS-DUOC', 'Chi bộ Công ty Cổ phần Dược phẩm', 'DBK', 'chi bộ cơ sở', 'doanh nghiệp cổ phần tư nhân'],
];

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Thu', 'Hoài', 'Xuân'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'Nghĩa', 'Thắng'];

const branches = ['CB-STC-VP', 'CB-STC-NS', 'CB-DL-KD', 'CB-DL-KT', 'CBCS-BV', 'CBCS-DUOC'];

export function demoUnitsTable(): Table {
  const headers = ['code', 'name', 'parent_code', 'kind', 'type'];
  return {
    headers,
    rows: unitRows.map((r, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ''])) })),
  };
}

/** ~60 members: 10 per branch (secretary, deputy, 1 probationary, 1 exempt) and 2 bloc committee members. */
export function demoMembersTable(): Table {
  const headers = ['code', 'full_name', 'unit_code', 'role', 'status', 'birth_year', 'exempt'];
  const rows: string[][] = [];
  let n = 0;
  const name = () => {
    n++;
    return `${surnames[(n * 7) % surnames.length]} ${middles[(n * 5) % middles.length]} ${givens[(n * 11) % givens.length]}`;
  };
  rows.push(['DV0001', name(), 'DBK', 'cấp ủy viên', 'chính thức', '1972', '']);
  rows.push(['DV0002', name(), 'DBK', 'cấp ủy viên', 'chính thức', '1975', '']);
  for (const branch of branches) {
    for (let i = 0; i < 10; i++) {
      const role = i === 0 ? 'bí thư' : i === 1 ? 'phó bí thư' : 'đảng viên';
      const status = i === 9 ? 'dự bị' : 'chính thức';
      const exempt = i === 8 && branch.endsWith('VP') ? 'có' : '';
      rows.push([`DV${String(rows.length + 1).padStart(4, '0')}`, name(), branch, role, status, String(1960 + ((n * 3) % 40)), exempt]);
    }
  }
  return {
    headers,
    rows: rows.map((r, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ''])) })),
  };
}

/** Wording of the demo's meetings (demo content, like the names above). */
export const demoMeetingTexts = {
  place: 'Phòng họp tầng 2',
  excuse: 'Đi công tác theo kế hoạch của cơ quan',
  agenda(kind: 'dinh_ky' | 'chuyen_de', startsAt: Date): string {
    const month = `${startsAt.getUTCMonth() + 1}/${startsAt.getUTCFullYear()}`;
    return kind === 'chuyen_de'
      ? `Sinh hoạt chuyên đề tháng ${month}: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; liên hệ trách nhiệm của đảng viên.`
      : `Sinh hoạt chi bộ định kỳ tháng ${month}: đánh giá kết quả thực hiện nhiệm vụ trong tháng; phổ biến văn bản mới của cấp trên; phương hướng nhiệm vụ tháng tới.`;
  },
};
