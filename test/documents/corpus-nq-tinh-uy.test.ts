import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents';
import {
  corpusText,
  expectFaithfulSummaries,
  expectFootRemoved,
  expectReferences,
  expectTargets,
} from './helpers';

// A provincial resolution on the quality of Party meetings: no number, no date, the title
// glued to the kind line by the converter, purposes and tasks but no figures to reach.
const doc = parseDocument(corpusText('nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt'));

describe('corpus: provincial resolution on Party meetings', () => {
  it('reads kind, title, issuer and signature', () => {
    expect(doc.kind).toBe('nghi_quyet');
    expect(doc.number).toBeNull();
    expect(doc.title).toBe('về nâng cao chất lượng sinh hoạt đảng ở cơ sở');
    // No letterhead: the issuer is the body that "ban hành Nghị quyết" in the opening.
    expect(doc.issuer).toBe('Ban Chấp hành Đảng bộ tỉnh');
    expect(doc.issuedAt).toBeNull();
    expect(doc.signer).toEqual({ title: 'Bí thư', name: 'Nguyễn Mạnh Hiền', onBehalfOf: 'T/M Ban Chấp hành' });
    expect(doc.recipients).toEqual([
      'Ban Bí thư Trung ương (để báo cáo)',
      'Ban Tổ chức Trung ương (để báo cáo)',
      'Các đồng chí Tỉnh ủy viên',
      'Các ban xây dựng đảng Tỉnh ủy; ban cán sự đảng, đảng đoàn, các sở, ban, ngành, đoàn thể tỉnh',
      'Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy',
      'Trường chính trị tỉnh',
      'Lưu VPTU',
    ]);
    expectFootRemoved(doc);
    expect(doc.body).not.toMatch(/^NGHỊ QUYẾT/mu);
  });

  it('repairs recognition slips and page breaks', () => {
    expect(doc.body).toContain('tình trạng nể nang, né tránh');
    expect(doc.body).toContain('Ban chi ủy, bí thư và phó bí thư (nơi không có chi ủy)');
    expect(doc.body).toContain('nắm vững đội ngũ chi ủy viên');
    expect(doc.body).toContain('nhận diện những mô hình sinh hoạt đảng');
    expect(doc.body).toContain('các hội nghị sinh hoạt đảng ở cơ sở.');
    expect(doc.body).toContain('lựa chọn bí thư chi bộ, bí thư đảng ủy có phẩm chất');
  });

  it('builds the section tree, numbered paragraphs included', () => {
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.path)).toEqual(['I', 'II', 'III']);
    expect(doc.sections.map((s) => s.path)).toEqual([
      'preamble',
      'I',
      'I.1',
      'I.2',
      'I.3',
      'II',
      'II.1',
      'II.2',
      'II.2.1',
      'II.2.2',
      'II.2.3',
      'II.2.4',
      'II.2.5',
      'II.3',
      'II.4',
      'III',
      'III.1',
      'III.2',
      'III.3',
    ]);
    const byPath = new Map(doc.sections.map((s) => [s.path, s]));
    expect(byPath.get('II.2.1')?.heading).toBe('Thực hiện nghiêm chế độ sinh hoạt định kỳ theo quy định');
    // "1. Tiếp tục nâng cao nhận thức … vững mạnh." is a paragraph: its text is kept whole
    // and its label is a short lead.
    expect(byPath.get('I.1')?.text).toMatch(/^Tiếp tục nâng cao nhận thức.*trong sạch, vững mạnh\.$/u);
    expect(byPath.get('I.1')?.heading.length).toBeLessThanOrEqual(101);
    expect(byPath.get('II.4')?.text.split('\n')).toHaveLength(5);
  });

  it('has no targets: meeting frequencies are rules, purposes carry no figures', () => {
    expectTargets(doc, []);
    expect(doc.statistics).toEqual([]);
  });

  it('finds the one numbered document it cites', () => {
    expectReferences(doc, [{ number: '01-ĐA/TU', date: '2016-08-29', kind: 'de_an' }]);
  });

  it('summarises faithfully: the purposes first, then the tasks', () => {
    expectFaithfulSummaries(doc);
    expect(doc.summary.slice(0, 3).map((l) => l.section)).toEqual(['I.1', 'I.2', 'I.3']);
    const texts = doc.summary.map((l) => l.text);
    expect(texts).toContain('Thực hiện nghiêm chế độ sinh hoạt định kỳ theo quy định');
    expect(texts).toContain(
      'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy cấp trên cơ sở đối với việc nâng cao chất lượng sinh hoạt đảng',
    );
    expect(doc.sectionSummaries.map((s) => s.heading)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'NHIỆM VỤ VÀ GIẢI PHÁP',
      'TỔ CHỨC THỰC HIỆN',
    ]);
  });
});
