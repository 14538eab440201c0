import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/documents';

const text = (input: string) => normaliseText(input).text;

describe('normaliseText', () => {
  it('joins a sentence cut by a page break, and the shred the break left', () => {
    expect(text('Năng lực lãnh đạo của cấp ủy cấp trên\n\ncòn hạn chế, hiệu quả chưa cao.')).toBe(
      'Năng lực lãnh đạo của cấp ủy cấp trên còn hạn chế, hiệu quả chưa cao.',
    );
    expect(text('trong việc chuẩn bị xây dựng và ban hành\n\nng nghị quyết của cấp ủy đảng.')).toBe(
      'trong việc chuẩn bị xây dựng và ban hành nghị quyết của cấp ủy đảng.',
    );
    // A page number between the halves goes too.
    expect(text('mỗi chi bộ có ít nhất 01\n\n- 3 -\n\nmô hình “Dân vận khéo”.')).toBe(
      'mỗi chi bộ có ít nhất 01 mô hình “Dân vận khéo”.',
    );
    // A capitalised continuation after a word that cannot end a sentence.
    expect(text('theo tinh thần Chỉ thị của\n\nBan Thường vụ Tỉnh ủy.')).toBe('theo tinh thần Chỉ thị của Ban Thường vụ Tỉnh ủy.');
  });

  it('keeps finished paragraphs, headings and bullets apart', () => {
    const input = [
      'Công tác kiểm tra được tăng cường.',
      '',
      'Nguyên nhân chủ yếu là nhận thức chưa đầy đủ.',
      '',
      '2.1. Mục tiêu tổng quát',
      '',
      '- Tạo sự chuyển biến rõ rệt',
      '+ nâng cao chất lượng',
      '',
      'II. NHIỆM VỤ VÀ GIẢI PHÁP',
    ].join('\n');
    expect(text(input).split('\n').filter(Boolean)).toEqual([
      'Công tác kiểm tra được tăng cường.',
      'Nguyên nhân chủ yếu là nhận thức chưa đầy đủ.',
      '2.1. Mục tiêu tổng quát',
      '- Tạo sự chuyển biến rõ rệt',
      '+ nâng cao chất lượng',
      'II. NHIỆM VỤ VÀ GIẢI PHÁP',
    ]);
  });

  it('rejoins hard-wrapped lines and wrapped capital headings, but not a title under its kind line', () => {
    expect(text('I. TÌNH HÌNH TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐỘI NGŨ CÁN BỘ,\nĐẢNG VIÊN')).toBe(
      'I. TÌNH HÌNH TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐỘI NGŨ CÁN BỘ, ĐẢNG VIÊN',
    );
    expect(text('ĐẢNG ỦY KHỐI CÁC CƠ QUAN\nVÀ DOANH NGHIỆP')).toBe('ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP');
    expect(text('NGHỊ QUYẾT\nvề nâng cao chất lượng sinh hoạt đảng\nở cơ sở')).toBe(
      'NGHỊ QUYẾT\nvề nâng cao chất lượng sinh hoạt đảng ở cơ sở',
    );
  });

  it('lifts footnotes out of the flow and keeps them with their markers', () => {
    const result = normaliseText(
      [
        'Toàn Đảng bộ đã kết nạp 126 đảng viên mới¹, nâng tổng số đảng viên',
        '__________',
        '¹ Trong đó có 12 đảng viên là chủ doanh nghiệp',
        'tư nhân.',
        '² Số liệu đến ngày 30/11/2023.',
        '',
        'lên 2.415 đồng chí².',
      ].join('\n'),
    );
    expect(result.text).toBe('Toàn Đảng bộ đã kết nạp 126 đảng viên mới¹, nâng tổng số đảng viên lên 2.415 đồng chí².');
    expect(result.footnotes).toEqual([
      { marker: '1', text: 'Trong đó có 12 đảng viên là chủ doanh nghiệp tư nhân.' },
      { marker: '2', text: 'Số liệu đến ngày 30/11/2023.' },
    ]);
  });

  it('treats "[1] …" as a footnote only when the text cites [1]', () => {
    expect(normaliseText('Đã kết nạp 126 đảng viên [1].\n\n[1] Theo báo cáo của Ban Tổ chức.').footnotes).toEqual([
      { marker: '1', text: 'Theo báo cáo của Ban Tổ chức.' },
    ]);
    expect(normaliseText('Tài liệu tham khảo:\n\n[1] Điều lệ Đảng.').footnotes).toEqual([]);
  });

  it('composes decomposed Unicode (NFD → NFC) and unifies line endings', () => {
    const nfd = 'Nghị quyết về công tác xây dựng Đảng'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(text(`${nfd}.\r\nĐã ban hành.\rXong.`)).toBe('Nghị quyết về công tác xây dựng Đảng.\nĐã ban hành.\nXong.');
    expect(text('Chi\u00a0bộ\u200b họp')).toBe('Chi bộ họp');
  });

  it('removes bold and italic markers but keeps the words', () => {
    expect(text('**NGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH**')).toBe('NGHỊ QUYẾT CỦA BAN CHẤP HÀNH');
    // The converter glued the title to the kind line; the bold marker is where the line broke.
    expect(text('NGHỊ QUYẾT**về nâng cao chất lượng sinh hoạt đảng**')).toBe(
      'NGHỊ QUYẾT\nvề nâng cao chất lượng sinh hoạt đảng',
    );
    expect(text('phong trào thi đua “*Dân vận khéo*” và (*có tính giá trị*) về *tiếp*\n\ntục đổi mới')).toBe(
      'phong trào thi đua “Dân vận khéo” và (có tính giá trị) về tiếp tục đổi mới',
    );
    expect(text('Ghi chú (*): số liệu ước tính.')).toBe('Ghi chú (*): số liệu ước tính.');
    expect(text('*\n\nSố 02-NQ/ĐUK')).toBe('Số 02-NQ/ĐUK');
  });

  it('repairs the known recognition slips and leaves real phrases alone', () => {
    expect(text('+ Phần đầu 95% trở lên cấp ủy viên có trình độ đại học.')).toBe(
      '+ Phấn đấu 95% trở lên cấp ủy viên có trình độ đại học.',
    );
    expect(text('Đảng bộ Khối phần đầu hoàn thành tốt nhiệm vụ trở lên.')).toBe(
      'Đảng bộ Khối phấn đấu hoàn thành tốt nhiệm vụ trở lên.',
    );
    expect(text('Phần đầu của báo cáo nêu tình hình chung.')).toBe('Phần đầu của báo cáo nêu tình hình chung.');
    expect(text('tình trạng né nang, né tránh còn phổ biến.')).toBe('tình trạng nể nang, né tránh còn phổ biến.');
    expect(text('Đây mạnh phong trào thi đua. Đây là nhiệm vụ trọng tâm.')).toBe(
      'Đẩy mạnh phong trào thi đua. Đây là nhiệm vụ trọng tâm.',
    );
    expect(text('kịp thời chuyên sinh hoạt đảng cho đảng viên')).toBe('kịp thời chuyển sinh hoạt đảng cho đảng viên');
    expect(text('Ban chỉ ủy chuẩn bị; bí thư chỉ ủy quyền khi vắng.')).toBe(
      'Ban chi ủy chuẩn bị; bí thư chỉ ủy quyền khi vắng.',
    );
  });
});
