import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents';
import {
  corpusText,
  expectFaithfulSummaries,
  expectFootRemoved,
  expectReferences,
  expectTargets,
} from './helpers';

// The Trà Vinh bloc's resolution for 2023: a two-column letterhead, a review of 2022 before
// part I, a list of targets, tasks citing some twenty documents, a signature without a name.
const doc = parseDocument(corpusText('nq-04-duk-tra-vinh-nam-2023.txt'));

describe('corpus: 04-NQ/ĐUK (Trà Vinh, 2023)', () => {
  it('reads the letterhead, the title block and the foot', () => {
    expect(doc.kind).toBe('nghi_quyet');
    expect(doc.number).toBe('04-NQ/ĐUK');
    expect(doc.title).toBe('của Ban Chấp hành Đảng bộ Khối năm 2023');
    expect(doc.issuer).toBe('Đảng ủy Khối các cơ quan và doanh nghiệp');
    expect(doc.parentIssuer).toBe('Đảng bộ tỉnh Trà Vinh');
    expect(doc.place).toBe('Trà Vinh');
    expect(doc.issuedAt).toBe('2023-01-04');
    expect(doc.signer).toEqual({ title: 'Bí thư', name: null, onBehalfOf: 'T/M Đảng ủy' });
    expect(doc.recipients).toHaveLength(7);
    expect(doc.recipients[1]).toBe('Đ/c Nguyễn Văn Triết, UVTVTU, Chủ tịch UBMTTQVN tỉnh (b/c)');
    expect(doc.recipients[6]).toBe('Lưu Văn phòng Đảng ủy Khối');
    expectFootRemoved(doc);
    expect(doc.body).not.toMatch(/ĐẢNG CỘNG SẢN VIỆT NAM|^Số 04/mu);
    expect(doc.body).toMatch(/^Năm 2022, Tỉnh ủy, Ban Thường vụ Tỉnh ủy/u);
  });

  it('joins the sentences the page breaks cut', () => {
    expect(doc.body).toContain('xây dựng chi bộ, đảng bộ vững mạnh, toàn diện');
    expect(doc.body).toContain('mỗi tổ chức cơ sở đảng có ít nhất 01 mô hình “Dân vận khéo”.');
    expect(doc.body).toContain('phấn đấu hoàn thành kế hoạch tập huấn');
    expect(doc.body).toContain('các văn bản chỉ đạo của Tỉnh ủy, Ban Chỉ đạo tỉnh');
    expect(doc.body).toContain('Quyết định số 89-QĐ/TW');
  });

  it('builds the section tree, with the opening review as preamble', () => {
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.path)).toEqual(['I', 'II', 'III']);
    expect(doc.sections.map((s) => s.path)).toEqual([
      'preamble',
      'I',
      'I.1',
      'I.2',
      'I.2.1',
      'I.2.2',
      'II',
      'II.1',
      'II.2',
      'II.2.1',
      'II.2.2',
      'II.2.3',
      'II.2.4',
      'II.3',
      'III',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
    ]);
    const byPath = new Map(doc.sections.map((s) => [s.path, s]));
    expect(byPath.get('preamble')).toMatchObject({ level: 0, heading: '' });
    expect(byPath.get('I.2.1')?.heading).toBe('Chỉ tiêu về thực hiện nhiệm vụ chính trị');
    // "(1) …" items are lines of their section, not sections.
    expect(byPath.get('II.3')?.text.split('\n')).toHaveLength(4);
  });

  it('finds every target, and none in the review of 2022', () => {
    expectTargets(doc, [
      ['I.2.1', 'Có trên 90% tổ chức cơ sở đảng hoàn thành chỉ tiêu nhiệm vụ chuyên môn'],
      ['I.2.1', 'Phấn đấu có 100% cơ quan, đơn vị, doanh nghiệp đạt tiêu chuẩn'],
      ['I.2.2', 'Đảng bộ Khối phấn đấu hoàn thành tốt nhiệm vụ trở lên.'],
      ['I.2.2', 'Phấn đấu 99% đảng viên, 90% đoàn viên, hội viên và người lao động được học tập'],
      ['I.2.2', 'duy trì ít nhất 01 mô hình hiệu quả trong học tập và làm theo'],
      ['I.2.2', '100% đảng viên xây dựng kế hoạch học tập làm theo Bác'],
      ['I.2.2', 'Có 100% tổ chức cơ sở đảng được xếp loại chất lượng “Hoàn thành nhiệm vụ”, trong đó có từ 80%'],
      ['I.2.2', 'Có từ 80% đảng viên được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên.'],
      ['I.2.2', 'Kết nạp từ 140 - 150 đảng viên mới, trong đó phấn đấu kết nạp từ 03 - 05 đảng viên'],
      ['I.2.2', 'Có 100% tổ chức đoàn thể cơ sở đạt “Hoàn thành nhiệm vụ” trở lên, trong đó có trên 90%'],
      ['I.2.2', 'Phấn đấu 80% trở lên tổ chức cơ sở đảng thực hiện tốt Quy chế dân chủ'],
      ['I.2.2', 'mỗi tổ chức cơ sở đảng có ít nhất 01 mô hình “Dân vận khéo”.'],
      ['II.1', 'phấn đấu tốc độ tăng trưởng GRDP 7,5%'],
      ['II.1', 'phấn đấu 100% chi bộ, đảng bộ cơ sở trực thuộc Đảng ủy Khối'],
      ['II.2.4', 'Vận động 100% đoàn viên, hội viên phấn đấu thực hiện tốt'],
    ]);
    expect(doc.targets.some((t) => t.section === 'preamble')).toBe(false);
    // A long task bullet is cut down to the clause that states the aim.
    expect(doc.targets[12]?.text).toBe(
      'phấn đấu tốc độ tăng trưởng GRDP 7,5% (có tính giá trị sản xuất nhiệt điện) và 7,75% (không tính giá trị sản xuất nhiệt điện) so với thực hiện Nghị quyết năm 2022 của Tỉnh ủy',
    );
  });

  it('reads ranges, percentages and counts, and leaves dates and document numbers alone', () => {
    expect(doc.targets[8]?.values).toEqual([
      { kind: 'range', raw: 'từ 140 - 150', min: 140, max: 150 },
      { kind: 'range', raw: 'từ 03 - 05', min: 3, max: 5 },
    ]);
    expect(doc.targets[3]?.values.map((v) => v.value)).toEqual([99, 90]);
    expect(doc.targets[4]?.values).toEqual([{ kind: 'count', raw: 'ít nhất 01', value: 1, min: 1 }]);
    expect(doc.targets[12]?.values.map((v) => v.value)).toEqual([7.5, 7.75]);
    // A target under "Chỉ tiêu" may have no figure at all.
    expect(doc.targets[2]?.values).toEqual([]);
  });

  it('keeps the figures of the review as statistics', () => {
    expect(doc.statistics).toEqual([
      {
        section: 'preamble',
        text: expect.stringContaining('còn 02 chỉ tiêu chưa đạt kế hoạch'),
        values: [{ kind: 'count', raw: '02', value: 2 }],
      },
    ]);
  });

  it('finds every cited document once, with its date where the citation gives one', () => {
    expectReferences(doc, [
      { number: '04/2015/NĐ-CP', date: null, kind: 'nghi_dinh' },
      { number: '145/2020/NĐ-CP', date: null, kind: 'nghi_dinh' },
      { number: '07-CT/TU', date: '2021-08-26', kind: 'chi_thi' },
      { number: '12-CT/TU', date: '2021-10-28', kind: 'chi_thi' },
      { number: '09-NQ/TU', date: '2022-01-26', kind: 'nghi_quyet' },
      { number: '28-CT/TU', date: '2022-10-19', kind: 'chi_thi' },
      { number: '05-CT/TW', date: null, kind: 'chi_thi' },
      { number: '35-NQ/TW', date: '2018-10-22', kind: 'nghi_quyet' },
      { number: '01-KL/TW', date: null, kind: 'ket_luan' },
      { number: '21-KL/TW', date: null, kind: 'ket_luan' },
      { number: '4495-QĐ/TU', date: '2019-04-10', kind: 'quy_dinh' },
      { number: '324-QĐ/ĐUK', date: '2019-06-11', kind: 'quy_dinh' },
      { number: '21-NQ/TW', date: '2022-06-16', kind: 'nghi_quyet' },
      { number: '28-NQ/TW', date: '2022-11-17', kind: 'nghi_quyet' },
      { number: '1733-QĐ/TU', date: '2022-08-08', kind: 'quy_dinh' },
      { number: '58-QĐ/TW', date: null, kind: 'quy_dinh' },
      { number: '01-HD/BTCTW', date: '2022-08-05', kind: 'huong_dan' },
      { number: '5316-QĐ/TU', date: '2019-12-20', kind: 'quy_dinh' },
      { number: '89-QĐ/TW', date: '2022-12-01', kind: 'quyet_dinh' },
      { number: '25-HD/BCĐTW', date: '2022-08-01', kind: 'huong_dan' },
      { number: '09-CT/TU', date: null, kind: 'chi_thi' },
      { number: '10-CT/TU', date: '2021-10-06', kind: 'chi_thi' },
    ]);
    expect(doc.references.some((r) => r.number === '04-NQ/ĐUK')).toBe(false);
  });

  it('summarises faithfully: the goal, every target, the main tasks', () => {
    expectFaithfulSummaries(doc);
    const texts = doc.summary.map((l) => l.text);
    expect(doc.summary[0]).toEqual({ section: 'I.1', text: expect.stringMatching(/^Bám sát Nghị quyết của Tỉnh ủy năm 2023/u) });
    for (const target of doc.targets) expect(texts).toContain(target.text);
    expect(texts).toContain('Một số nhiệm vụ tập trung năm 2023');
    expect(doc.sectionSummaries.map((s) => s.section)).toEqual(['I', 'II', 'III']);
  });
});
