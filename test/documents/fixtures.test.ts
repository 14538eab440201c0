import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents';
import {
  expectFaithfulSummaries,
  expectFootRemoved,
  expectReferences,
  expectTargets,
  fixtureText,
} from './helpers';

// Documents written for these tests (not from the corpus): other provinces and other kinds.

describe('fixture: báo cáo with statistics, footnotes and a page break (Lâm Đồng)', () => {
  const doc = parseDocument(fixtureText('bao-cao-dang-uy-khoi-doanh-nghiep-2023.txt'));

  it('reads the header of a report', () => {
    expect(doc).toMatchObject({
      kind: 'bao_cao',
      number: '85-BC/ĐUK',
      title: 'kết quả công tác xây dựng Đảng năm 2023, phương hướng, nhiệm vụ năm 2024',
      issuer: 'Đảng ủy Khối doanh nghiệp',
      parentIssuer: 'Đảng bộ tỉnh Lâm Đồng',
      place: 'Đà Lạt',
      issuedAt: '2023-12-15',
      signer: { title: 'Phó Bí thư', name: 'Trần Thị Minh Hạnh', onBehalfOf: 'T/M Ban Thường vụ' },
      recipients: ['Thường trực Tỉnh ủy (b/c)', 'Ban Tổ chức Tỉnh ủy', 'Các TCCSĐ trực thuộc', 'Lưu VP'],
    });
    expectFootRemoved(doc);
  });

  it('lifts the footnotes out and joins the sentence the page cut', () => {
    expect(doc.footnotes).toEqual([
      {
        marker: '1',
        text: 'Trong đó có 1.204 lượt đảng viên học tập qua phần mềm Sổ tay đảng viên điện tử.',
        section: 'I.1',
      },
      {
        marker: '2',
        text: 'Số liệu theo Báo cáo số 80-BC/BTC, ngày 01/12/2023 của Ban Tổ chức Đảng ủy Khối.',
        section: 'I.2',
      },
    ]);
    expect(doc.body).toContain('nâng tổng số đảng viên của Đảng bộ lên 2.415 đồng chí;');
    expect(doc.body).not.toMatch(/Sổ tay đảng viên điện tử|^- 2 -$|_{3,}/mu);
  });

  it('keeps reported figures as statistics and only the plans for next year as targets', () => {
    expectTargets(doc, [
      ['II.1', 'Phấn đấu 100% đảng viên được học tập, quán triệt các nghị quyết mới của Đảng.'],
      ['II.1', 'Kết nạp từ 120 đảng viên mới trở lên.'],
      ['II.1', 'Có từ 85% tổ chức cơ sở đảng được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên'],
      ['II.1', 'không có tổ chức cơ sở đảng xếp loại “Không hoàn thành nhiệm vụ”.'],
      ['II.2', 'phấn đấu tỷ lệ đảng viên dự sinh hoạt đạt 95% trở lên.'],
    ]);
    expect(doc.targets.every((t) => t.section.startsWith('II'))).toBe(true);
    expect(doc.statistics.map((s) => [s.section, s.values.map((v) => v.raw)])).toEqual([
      ['I.1', ['12', '2.356', '97,8%']],
      ['I.2', ['58', '21', '37']],
      ['I.2', ['126/110', '14,5%', '2.415']],
      ['I.2', ['98']],
      ['I.3', ['86,4%']],
      ['I.3', ['03']],
      ['I.1', ['1.204']],
    ]);
    const admissions = doc.statistics[2]?.values;
    expect(admissions?.[0]).toMatchObject({ kind: 'ratio', value: 126 / 110 });
    expect(admissions?.[1]).toMatchObject({ kind: 'percent', value: 14.5 });
    expect(admissions?.[2]).toMatchObject({ kind: 'count', value: 2415 });
    // "chỉ đạt 86,4%" under "Hạn chế" is a shortfall reported, not an aim.
    expect(doc.targets.some((t) => t.text.includes('86,4%'))).toBe(false);
  });

  it('cites documents from the body and from the footnotes', () => {
    expectReferences(doc, [
      { number: '21-KL/TW', date: '2021-10-25', kind: 'ket_luan' },
      { number: '80-BC/BTC', date: '2023-12-01', kind: 'bao_cao' },
    ]);
  });

  it('summarises a report by its figures and its plans', () => {
    expectFaithfulSummaries(doc);
    const texts = doc.summary.map((l) => l.text);
    for (const statistic of doc.statistics.filter((s) => doc.body.includes(s.text))) {
      expect(texts).toContain(statistic.text);
    }
    for (const target of doc.targets) expect(texts).toContain(target.text);
    expect(doc.sectionSummaries.map((s) => s.section)).toEqual(['I', 'II']);
  });
});

describe('fixture: kế hoạch with deadlines and responsible bodies (Nghệ An)', () => {
  const doc = parseDocument(fixtureText('ke-hoach-hoc-tap-nghi-quyet-21.txt'));

  it('reads the header, a title over two lines included', () => {
    expect(doc).toMatchObject({
      kind: 'ke_hoach',
      number: '112-KH/HU',
      title:
        'học tập, quán triệt và triển khai thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII',
      issuer: 'Huyện ủy Nam Đàn',
      parentIssuer: 'Đảng bộ tỉnh Nghệ An',
      place: 'Nam Đàn',
      issuedAt: '2024-03-05',
      signer: { title: 'Bí thư', name: 'Lê Văn Bình', onBehalfOf: 'T/M Ban Thường vụ' },
    });
    expectFootRemoved(doc);
    expect(doc.body).toContain('qua Ban Tổ chức Huyện ủy để theo dõi.');
  });

  it('takes each deadline as a target, with the task it times and who leads it', () => {
    expectTargets(doc, [
      ['I.2', '100% cán bộ, đảng viên được học tập, quán triệt Nghị quyết.'],
      ['II.1', 'Thời gian hoàn thành: trước ngày 30/6/2024.'],
      ['II.2', 'Thời gian hoàn thành: trong tháng 7/2024.'],
      ['II.3', 'Thời gian thực hiện: Quý IV/2025.'],
      ['III.2', 'chậm nhất ngày 15/7/2024.'],
    ]);
    expect(doc.targets[1]).toMatchObject({
      context: 'Tổ chức hội nghị học tập, quán triệt Nghị quyết',
      responsible: 'Ban Tuyên giáo Huyện ủy',
      values: [{ kind: 'deadline', raw: 'trước ngày 30/6/2024', value: 2024, date: '2024-06-30' }],
    });
    expect(doc.targets[2]).toMatchObject({
      responsible: 'Ban Tổ chức Huyện ủy',
      values: [{ kind: 'deadline', date: '2024-07', value: 2024 }],
    });
    expect(doc.targets[3]?.values).toEqual([{ kind: 'deadline', raw: 'Quý IV/2025', value: 2025 }]);
    expect(doc.targets[4]?.values[0]).toMatchObject({ date: '2024-07-15' });
  });

  it('cites the resolution of its title and the documents of its body', () => {
    expectReferences(doc, [
      { number: '21-NQ/TW', date: '2022-06-16', kind: 'nghi_quyet' },
      { number: '95-KH/TU', date: '2024-01-10', kind: 'ke_hoach' },
      { number: '15-HD/BTGTU', date: null, kind: 'huong_dan' },
    ]);
  });

  it('summarises faithfully', () => {
    expectFaithfulSummaries(doc);
    expect(doc.summary.map((l) => l.text)).toContain('Thời gian hoàn thành: trước ngày 30/6/2024.');
  });
});

describe('fixture: chỉ thị typed in decomposed Unicode (NFD, Cà Mau)', () => {
  const raw = fixtureText('chi-thi-nfd-tinh-uy-ca-mau.txt');
  const doc = parseDocument(raw);

  it('is really stored decomposed', () => {
    expect(raw).not.toBe(raw.normalize('NFC'));
  });

  it('comes out composed (NFC) and reads like the same text typed in NFC', () => {
    expect(doc.body).toBe(doc.body.normalize('NFC'));
    expect(doc).toMatchObject({
      kind: 'chi_thi',
      number: '07-CT/TU',
      title: 'về tăng cường chất lượng sinh hoạt chi bộ',
      issuer: 'Tỉnh ủy Cà Mau',
      place: 'Cà Mau',
      issuedAt: '2024-09-20',
      signer: { title: 'Bí thư', name: 'Nguyễn Văn An', onBehalfOf: 'T/M Ban Thường vụ' },
    });
    expect(parseDocument(raw.normalize('NFC'))).toEqual(doc);
    expect(doc.body).toContain('một số chi bộ còn nể nang, ngại va chạm');
  });

  it('numbers its directives without Roman parts', () => {
    expect(doc.sections.map((s) => [s.path, s.level])).toEqual([
      ['preamble', 0],
      ['1', 1],
      ['2', 1],
      ['3', 1],
    ]);
    expect(doc.sectionSummaries.map((s) => s.section)).toEqual(['1', '2', '3']);
  });

  it('tells the situation figure from the aims and the deadline', () => {
    expectTargets(doc, [
      ['2', 'phấn đấu đến năm 2025 có 95% trở lên chi bộ sinh hoạt định kỳ'],
      ['3', 'trước ngày 15/12/2024.'],
    ]);
    expect(doc.targets[0]?.values.map((v) => v.kind)).toEqual(['deadline', 'percent']);
    expect(doc.statistics).toEqual([
      { section: 'preamble', text: expect.stringContaining('chỉ đạt 82%'), values: [expect.objectContaining({ value: 82 })] },
    ]);
    expectReferences(doc, [{ number: '1178-QĐ/TU', date: '2019-06-12', kind: 'quy_dinh' }]);
    expectFaithfulSummaries(doc);
  });
});

describe('fixture: công văn (Quảng Trị)', () => {
  const doc = parseDocument(fixtureText('cong-van-bao-cao-so-ket.txt'));

  it('reads subject, addressees and a signature on behalf of the secretary', () => {
    expect(doc).toMatchObject({
      kind: 'cong_van',
      number: '245-CV/ĐUK',
      title: 'báo cáo sơ kết 6 tháng đầu năm 2024',
      issuer: 'Đảng ủy Khối các cơ quan tỉnh Quảng Trị',
      place: 'Đông Hà',
      issuedAt: '2024-06-03',
      signer: { title: 'Phó Bí thư', name: 'Hoàng Thị Lan', onBehalfOf: 'K/T Bí thư' },
    });
    expect(doc.recipients).toEqual(['Các đảng bộ cơ sở', 'Các chi bộ cơ sở trực thuộc', 'Như trên', 'Lưu VP']);
    expect(doc.body).not.toMatch(/Kính gửi|V\/v/u);
  });

  it('has no sections but still a deadline, a reference and a summary', () => {
    expect(doc.sections.map((s) => s.path)).toEqual(['preamble']);
    expect(doc.sectionSummaries).toEqual([]);
    expectTargets(doc, [['preamble', 'trước ngày 20/6/2024']]);
    expectReferences(doc, [{ number: '01-NQ/ĐUK', date: '2024-01-05', kind: 'nghi_quyet' }]);
    expectFaithfulSummaries(doc);
    expect(doc.summary.length).toBe(2);
  });
});
