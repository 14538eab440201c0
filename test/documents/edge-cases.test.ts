import { describe, expect, it } from 'vitest';
import { DocumentParseError, isDocumentParseError, parseDocument } from '../../src/documents';
import { corpusText, expectFaithfulSummaries, expectTargets } from './helpers';

function parseError(input: unknown): DocumentParseError {
  try {
    parseDocument(input as string);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentParseError);
    return error as DocumentParseError;
  }
  throw new Error('expected a DocumentParseError');
}

describe('inputs that are not documents', () => {
  it('rejects empty and blank text with a code', () => {
    expect(parseError('').code).toBe('empty_text');
    expect(parseError(' \n\r\n\t ').code).toBe('empty_text');
    expect(parseError('*\n\n- 2 -\n\n___').code).toBe('empty_text');
    expect(isDocumentParseError(new DocumentParseError('empty_text'), 'empty_text')).toBe(true);
  });

  it('rejects what is not text', () => {
    expect(parseError(undefined).code).toBe('not_text');
    expect(parseError('PK\u0003\u0004\u0000\u0000\ufffd\ufffd\u0000 nội dung').code).toBe('not_text');
    expect(parseError('a'.repeat(2_000_001)).code).toBe('too_large');
  });
});

describe('texts with little or no structure', () => {
  it('keeps a plain text as one preamble and still finds its aims', () => {
    const doc = parseDocument(
      'Chi bộ họp vào ngày 5 hằng tháng. Phấn đấu 100% đảng viên dự họp đầy đủ. Năm qua đã kết nạp 3 đảng viên.',
    );
    expect(doc).toMatchObject({
      kind: 'khac',
      number: null,
      title: null,
      issuer: null,
      issuedAt: null,
      signer: null,
      recipients: [],
      footnotes: [],
      references: [],
      sectionSummaries: [],
    });
    expect(doc.sections).toEqual([
      { path: 'preamble', heading: '', level: 0, text: doc.body },
    ]);
    expect(doc.targets.map((t) => t.text)).toEqual(['Phấn đấu 100% đảng viên dự họp đầy đủ.']);
    expect(doc.statistics.map((s) => s.text)).toEqual(['Năm qua đã kết nạp 3 đảng viên.']);
    expectFaithfulSummaries(doc);
  });

  it('reads a header with no body without inventing sections', () => {
    const doc = parseDocument('Số 15-KH/ĐUK\n\nKẾ HOẠCH\ntổ chức hội thi bí thư chi bộ giỏi năm 2024');
    expect(doc).toMatchObject({
      kind: 'ke_hoach',
      number: '15-KH/ĐUK',
      title: 'tổ chức hội thi bí thư chi bộ giỏi năm 2024',
      body: '',
      sections: [],
      targets: [],
      summary: [],
    });
  });

  it('does not take its own number for a reference, nor a sentence for a heading', () => {
    const doc = parseDocument(
      [
        'Số 09-NQ/ĐU',
        '',
        'NGHỊ QUYẾT',
        'về công tác phát triển đảng viên',
        '',
        'Nghị quyết số 09-NQ/ĐU thực hiện Nghị quyết số 21-NQ/TW.',
        '',
        '1. Kết nạp từ 20 đảng viên trở lên trong năm 2024.',
        '',
        '1. Đây là dòng đánh số lại do lỗi soạn thảo, không phải mục mới.',
      ].join('\n'),
    );
    expect(doc.references).toEqual([{ number: '21-NQ/TW', date: null, kind: 'nghi_quyet' }]);
    // A number that goes backwards ("1." after "1.") continues the current section.
    expect(doc.sections.map((s) => s.path)).toEqual(['preamble', '1']);
    expect(doc.targets.map((t) => [t.section, t.values.map((v) => v.kind)])).toEqual([['1', ['count', 'year']]]);
  });
});

describe('lists written other ways', () => {
  it('reads "a), b)" targets, a list numbered inside a section, and a table', () => {
    const doc = parseDocument(
      [
        'ĐẢNG ỦY XÃ TÂN PHÚ',
        '',
        'Số 05-NQ/ĐU',
        '',
        'NGHỊ QUYẾT',
        'về công tác xây dựng Đảng năm 2024',
        '',
        'I. ĐÁNH GIÁ TÌNH HÌNH NĂM 2023',
        '',
        'Năm 2023, Đảng bộ kết nạp 15 đảng viên, đạt 125% chỉ tiêu; 92% đảng viên hoàn thành tốt nhiệm vụ.',
        '',
        'II. MỤC TIÊU, NHIỆM VỤ NĂM 2024',
        '',
        '1. Chỉ tiêu',
        '',
        'a) Kết nạp 12 đảng viên trở lên.',
        'b) 95% chi bộ được xếp loại hoàn thành tốt nhiệm vụ.',
        '',
        '2. Nhiệm vụ và giải pháp',
        '',
        '1. Tăng cường sinh hoạt chi bộ, bảo đảm 100% chi bộ sinh hoạt chuyên đề mỗi quý.',
        '2. Đổi mới công tác kiểm tra.',
        '',
        '| Chỉ tiêu | Năm 2023 | Năm 2024 |',
        '| Kết nạp đảng viên | 15 | 12 |',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => s.path)).toEqual(['I', 'II', 'II.1', 'II.1.a', 'II.1.b', 'II.2']);
    expectTargets(doc, [
      ['II.1.a', 'Kết nạp 12 đảng viên trở lên.'],
      ['II.1.b', '95% chi bộ được xếp loại hoàn thành tốt nhiệm vụ.'],
      ['II.2', 'bảo đảm 100% chi bộ sinh hoạt chuyên đề mỗi quý.'],
    ]);
    expect(doc.statistics.map((s) => [s.section, s.values.filter((v) => v.kind !== 'year').map((v) => v.raw)])).toEqual([
      ['I', ['15', '125%']],
      ['I', ['92%']],
    ]);
    expectFaithfulSummaries(doc);
    expect(doc.summary.map((l) => l.text)).toContain('Đổi mới công tác kiểm tra.');
    expect(doc.summary.some((l) => l.text.startsWith('|') || /^\d+\.$/u.test(l.text))).toBe(false);
  });
});

describe('title blocks and feet laid out differently', () => {
  it('restores the case of a title printed in capitals and finds a date set above the signature', () => {
    const doc = parseDocument(
      [
        'HUYỆN ỦY ĐỨC TRỌNG',
        '',
        'Số 20-NQ/HU',
        '',
        'NGHỊ QUYẾT',
        'VỀ NÂNG CAO CHẤT LƯỢNG',
        'SINH HOẠT CHI BỘ Ở ĐẢNG BỘ TỈNH LÂM ĐỒNG',
        '',
        'I. MỤC TIÊU',
        '',
        '- Phấn đấu 90% chi bộ sinh hoạt đạt chất lượng tốt.',
        '',
        'Đức Trọng, ngày 10 tháng 5 năm 2024',
        '',
        'T/M BAN THƯỜNG VỤ',
        'PHÓ BÍ THƯ THƯỜNG TRỰC',
        '(Đã ký)',
        'PHẠM VĂN HÙNG',
      ].join('\n'),
    );
    expect(doc).toMatchObject({
      kind: 'nghi_quyet',
      issuer: 'Huyện ủy Đức Trọng',
      title: 'về nâng cao chất lượng sinh hoạt chi bộ ở Đảng bộ tỉnh Lâm Đồng',
      place: 'Đức Trọng',
      issuedAt: '2024-05-10',
      signer: { title: 'Phó Bí thư Thường trực', name: 'Phạm Văn Hùng', onBehalfOf: 'T/M Ban Thường vụ' },
      body: 'I. MỤC TIÊU\n- Phấn đấu 90% chi bộ sinh hoạt đạt chất lượng tốt.',
    });
    expect(doc.targets.map((t) => t.section)).toEqual(['I']);
  });

  it('separates recipients and signature printed side by side', () => {
    const doc = parseDocument(
      [
        'Số 12-TB/ĐUK',
        '',
        'THÔNG BÁO',
        'kết luận của Ban Thường vụ Đảng ủy Khối',
        '',
        'Ban Thường vụ thống nhất tổ chức hội nghị trước ngày 10/5/2024.',
        '',
        'Nơi nhận:                        T/M BAN THƯỜNG VỤ',
        '- Các chi bộ trực thuộc,         PHÓ BÍ THƯ',
        '- Lưu VP.',
        '',
        '                                 Nguyễn Văn Tâm',
      ].join('\n'),
    );
    expect(doc).toMatchObject({
      kind: 'khac',
      number: '12-TB/ĐUK',
      recipients: ['Các chi bộ trực thuộc', 'Lưu VP'],
      signer: { title: 'Phó Bí thư', name: 'Nguyễn Văn Tâm', onBehalfOf: 'T/M Ban Thường vụ' },
      body: 'Ban Thường vụ thống nhất tổ chức hội nghị trước ngày 10/5/2024.',
    });
  });

  it("tells a signer's name from a position when the position is missing", () => {
    const doc = parseDocument('Chi bộ họp và thống nhất nội dung.\n\nT/M CHI BỘ\nNGUYỄN THỊ HOA');
    expect(doc.signer).toEqual({ title: null, name: 'Nguyễn Thị Hoa', onBehalfOf: 'T/M Chi bộ' });
    expect(doc.body).toBe('Chi bộ họp và thống nhất nội dung.');
  });
});

describe('robustness to the way a file was saved', () => {
  it('parses CRLF, form-feed page breaks and NFD exactly like the clean file', () => {
    const clean = corpusText('nq-04-duk-tra-vinh-nam-2023.txt');
    const messy = clean
      .replace(/\n\n(?=\p{Ll})/gu, '\n\f\n')
      .replace(/\n/g, '\r\n')
      .normalize('NFD');
    expect(messy).not.toBe(clean);
    expect(parseDocument(messy)).toEqual(parseDocument(clean));
  });

  it('reads a file without blank lines between paragraphs like the original', () => {
    for (const name of [
      'nq-02-duk-nang-cao-nang-luc-lanh-dao.txt',
      'nq-04-duk-tra-vinh-nam-2023.txt',
      'nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt',
    ]) {
      const clean = corpusText(name);
      const original = parseDocument(clean);
      const packed = parseDocument(clean.replace(/\n{2,}/g, '\n'));
      expect(packed.body, name).toBe(original.body);
      expect(packed.targets, name).toEqual(original.targets);
      expect(packed.references, name).toEqual(original.references);
      expect(packed).toMatchObject({
        kind: original.kind,
        number: original.number,
        title: original.title,
        issuer: original.issuer,
        signer: original.signer,
        recipients: original.recipients,
      });
    }
  });

  it('parses a scan whose letterhead columns were laid side by side', () => {
    const doc = parseDocument(
      [
        'TỈNH ỦY ĐẮK NÔNG          ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 30-CT/TU               Gia Nghĩa, ngày 15 tháng 10 năm 2021',
        '',
        'CHỈ THỊ',
        'về tăng cường công tác phát triển đảng viên',
        '',
        'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy phấn đấu kết nạp từ 300 đảng viên trở lên mỗi năm.',
      ].join('\n'),
    );
    expect(doc).toMatchObject({
      kind: 'chi_thi',
      number: '30-CT/TU',
      issuer: 'Tỉnh ủy Đắk Nông',
      place: 'Gia Nghĩa',
      issuedAt: '2021-10-15',
      title: 'về tăng cường công tác phát triển đảng viên',
    });
    expect(doc.targets).toHaveLength(1);
  });
});
