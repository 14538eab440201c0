import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents';
import {
  corpusText,
  expectFaithfulSummaries,
  expectFootRemoved,
  expectReferences,
  expectTargets,
} from './helpers';

// Resolution 02-NQ/ĐUK on the leadership capacity of grassroots organisations: a situation
// part without figures, goals with targets (several spelt "Phần đầu" by the scan), tasks.
const doc = parseDocument(corpusText('nq-02-duk-nang-cao-nang-luc-lanh-dao.txt'));

describe('corpus: 02-NQ/ĐUK', () => {
  it('reads the header and the foot', () => {
    expect(doc.kind).toBe('nghi_quyet');
    expect(doc.number).toBe('02-NQ/ĐUK');
    expect(doc.title).toBe(
      'về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên',
    );
    expect(doc.issuer).toBe('Ban Chấp hành Đảng bộ Khối');
    // The scan has no place-and-date line.
    expect(doc.place).toBeNull();
    expect(doc.issuedAt).toBeNull();
    expect(doc.signer).toEqual({ title: 'Bí thư', name: 'Vũ Hữu Thi', onBehalfOf: 'T/M Ban Chấp hành' });
    expect(doc.recipients).toEqual([
      'Ban Thường vụ Tỉnh ủy (để báo cáo)',
      'Các ban xây dựng Đảng của Tỉnh ủy',
      'Các đồng chí Ủy viên BCH Đảng bộ Khối',
      'Các TCCSĐ trực thuộc ĐUK',
      'Các cơ quan chuyên trách tham mưu, giúp việc ĐUK',
      'Lưu',
    ]);
    expectFootRemoved(doc);
    expect(doc.body).not.toContain('Handwritten');
    expect(doc.body.startsWith('I. TÌNH HÌNH TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐỘI NGŨ CÁN BỘ, ĐẢNG VIÊN\n')).toBe(true);
    expect(doc.body.endsWith('Nghị quyết này phổ biến đến chi bộ./.')).toBe(true);
  });

  it('cleans the text: no bold markers, sentences cut by page breaks joined, slips repaired', () => {
    expect(doc.body).not.toContain('*');
    expect(doc.body).toContain('của cấp ủy cấp trên còn hạn chế, hiệu quả chưa cao');
    expect(doc.body).toContain('phong cách Hồ Chí Minh và các quy định về trách nhiệm nêu gương');
    // "ban hành / ng nghị quyết": the shred left by the page break is dropped.
    expect(doc.body).toContain('chuẩn bị xây dựng và ban hành nghị quyết của cấp ủy đảng.');
    expect(doc.body).toContain('thẩm định tiêu chuẩn chính trị đối với cán bộ, đảng viên trong diện');
    expect(doc.body).not.toMatch(/Phần đầu/u);
    expect(doc.body).toContain('Phấn đấu bình quân hằng năm');
    expect(doc.body).not.toContain('TCCSD');
  });

  it('builds the section tree', () => {
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.path)).toEqual(['I', 'II', 'III']);
    expect(doc.sections.map((s) => s.path)).toEqual([
      'I',
      'II',
      'II.1',
      'II.2',
      'II.2.1',
      'II.2.2',
      'II.3',
      'II.3.1',
      'II.3.2',
      'II.3.3',
      'II.3.4',
      'II.3.5',
      'II.3.5.1',
      'II.3.5.2',
      'II.3.5.3',
      'II.3.6',
      'II.3.7',
      'II.3.8',
      'III',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
    ]);
    const byPath = new Map(doc.sections.map((s) => [s.path, s]));
    expect(byPath.get('II.2.2')?.heading).toBe('Mục tiêu cụ thể');
    expect(byPath.get('II.3.5.1')).toMatchObject({ heading: 'Thực hiện tốt công tác phát triển đảng viên', level: 4 });
    expect(byPath.get('I')?.heading).toBe('TÌNH HÌNH TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐỘI NGŨ CÁN BỘ, ĐẢNG VIÊN');
    // Bullets stay lines of their section's text.
    expect(byPath.get('II.2.1')?.text.split('\n')).toHaveLength(3);
    expect(byPath.get('II.2.2')?.text).toContain('\n+ Phấn đấu 95% trở lên cấp ủy viên');
    // Roman parts without their own text keep an empty text, not their children's.
    expect(byPath.get('II')?.text).toBe('');
  });

  it('finds every target, and none in the situation part', () => {
    expectTargets(doc, [
      ['II.2.2', 'Hằng năm, tỷ lệ TCCSĐ “Hoàn thành tốt nhiệm vụ” đạt 80% trở lên'],
      ['II.2.2', 'phấn đấu không có TCCSĐ bị xếp loại “Không hoàn thành nhiệm vụ”'],
      ['II.2.2', 'tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt 90% trở lên; trong đó “Hoàn thành xuất sắc nhiệm vụ” từ 15% đến 20%'],
      ['II.2.2', 'toàn Đảng bộ Khối kết nạp từ 300 đảng viên trở lên'],
      ['II.2.2', 'Phấn đấu đến năm 2025 cấp ủy cơ sở có cơ cấu, chất lượng cấp ủy viên'],
      ['II.2.2', 'tỷ lệ cấp ủy viên nữ từ 15% trở lên'],
      ['II.2.2', 'tỷ lệ cán bộ trẻ (dưới 40 tuổi) từ 10% trở lên'],
      ['II.2.2', 'Phấn đấu 95% trở lên cấp ủy viên có trình độ chuyên môn từ cao đẳng, đại học'],
      ['II.2.2', 'Đối với cán bộ chủ chốt (bí thư, phó bí thư): Phấn đấu 95% trở lên có trình độ chuyên môn từ đại học'],
      ['II.2.2', '92% trở lên có trình độ lý luận chính trị cao cấp, cử nhân'],
      ['II.2.2', 'Phấn đấu 95% trở lên cấp ủy viên có trình độ chuyên môn từ trung cấp, 20% trở lên'],
      ['II.3.6', 'phấn đấu đến năm 2025 cấp ủy cơ sở có cơ cấu, chất lượng cấp ủy viên đạt các chỉ tiêu Nghị quyết'],
    ]);
    expect(doc.targets.some((t) => t.section === 'I')).toBe(false);
    expect(doc.statistics).toEqual([]);
  });

  it('reads the figures of the targets', () => {
    const [ratingUnits, noFailing, ratingMembers, admissions, deadline] = doc.targets;
    expect(ratingUnits?.values).toEqual([{ kind: 'percent', raw: '80% trở lên', value: 80, min: 80, unit: '%' }]);
    expect(noFailing?.values).toEqual([{ kind: 'count', raw: 'không có', value: 0, max: 0 }]);
    expect(ratingMembers?.values).toEqual([
      { kind: 'percent', raw: '90% trở lên', value: 90, min: 90, unit: '%' },
      { kind: 'range', raw: 'từ 15% đến 20%', min: 15, max: 20, unit: '%' },
    ]);
    expect(admissions?.values).toEqual([{ kind: 'count', raw: 'từ 300', value: 300, min: 300 }]);
    expect(deadline?.values).toEqual([{ kind: 'deadline', raw: 'đến năm 2025', value: 2025 }]);
    // "dưới 40 tuổi" defines who is young; it is not a figure to reach.
    expect(doc.targets[6]?.values.map((v) => v.raw)).toEqual(['từ 10% trở lên']);
  });

  it('keeps the lead-in each target hangs from', () => {
    const stateSector = 'Đối với cấp ủy đảng trong các cơ quan, đơn vị, doanh nghiệp Nhà nước';
    expect(doc.targets[7]?.context).toBe(stateSector);
    expect(doc.targets[8]?.context).toBe(stateSector);
    expect(doc.targets[9]?.context).toBe('Đối với cán bộ chủ chốt (bí thư, phó bí thư)');
    expect(doc.targets[10]?.context).toBe('Đối với cấp ủy đảng trong các doanh nghiệp ngoài Nhà nước');
  });

  it('finds every cited document, once, with its date', () => {
    expectReferences(doc, [
      { number: '05-CT/TW', date: null, kind: 'chi_thi' },
      { number: '22-NQ/TU', date: '2013-07-11', kind: 'nghi_quyet' },
      { number: '17-CT/TU', date: '2014-01-17', kind: 'chi_thi' },
      { number: '18-KL/TW', date: '2017-07-30', kind: 'ket_luan' },
      { number: '12-HD/BTCTW', date: '2018-07-06', kind: 'huong_dan' },
      { number: '1178-QĐ/TU', date: '2019-06-12', kind: 'quy_dinh' },
      { number: '213-QĐ/TW', date: '2020-01-02', kind: 'quy_dinh' },
      { number: '126-QĐ/TW', date: '2018-02-28', kind: 'quy_dinh' },
      { number: '28-CT/TW', date: '2019-01-21', kind: 'chi_thi' },
      { number: '02-HD/BTCTW', date: '2021-04-12', kind: 'huong_dan' },
      { number: '25-NQ/TW', date: '2013-06-03', kind: 'nghi_quyet' },
      { number: '04/2015/NĐ-CP', date: null, kind: 'nghi_dinh' },
      { number: '149/2018/NĐ', date: null, kind: 'nghi_dinh' },
    ]);
  });

  it('summarises faithfully: general goals, every target, the main tasks', () => {
    expectFaithfulSummaries(doc);
    const texts = doc.summary.map((l) => l.text);
    expect(texts[0]).toMatch(/^Tạo sự chuyển biến rõ rệt/u);
    expect(doc.summary[0]?.section).toBe('II.2.1');
    for (const target of doc.targets) expect(texts).toContain(target.text);
    expect(texts).toContain('Đẩy mạnh công tác kiểm tra, giám sát của cấp ủy Đảng');
    expect(doc.sectionSummaries.map((s) => [s.section, s.heading])).toEqual([
      ['I', 'TÌNH HÌNH TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐỘI NGŨ CÁN BỘ, ĐẢNG VIÊN'],
      ['II', 'QUAN ĐIỂM, MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU'],
      ['III', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(doc.sectionSummaries[0]?.lines[0]?.text).toMatch(/^Trong những năm qua/u);
  });
});
