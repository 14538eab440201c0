import { describe, expect, it } from 'vitest';
import { findFigures, parseVietnameseNumber } from '../../src/documents/figures';

const figures = (clause: string) => findFigures(clause).map((f) => f.figure);

describe('findFigures', () => {
  it('reads Vietnamese numbers: "." groups thousands, "," marks decimals', () => {
    expect(parseVietnameseNumber('3.412')).toBe(3412);
    expect(parseVietnameseNumber('1.084')).toBe(1084);
    expect(parseVietnameseNumber('20,5')).toBe(20.5);
    expect(figures('tổng số đảng viên là 3.412 đồng chí, tăng 20,5%')).toEqual([
      { kind: 'count', raw: '3.412', value: 3412 },
      { kind: 'percent', raw: '20,5%', value: 20.5, unit: '%' },
    ]);
  });

  it('reads bounds and ranges in all their spellings', () => {
    expect(figures('đạt 90% trở lên')).toEqual([{ kind: 'percent', raw: '90% trở lên', value: 90, min: 90, unit: '%' }]);
    expect(figures('không quá 5% đảng viên')[0]).toMatchObject({ value: 5, max: 5 });
    for (const range of ['từ 15% đến 20%', '15-20%', '15 - 20%', 'từ 15 đến 20%']) {
      expect(figures(`xếp loại xuất sắc ${range}`)).toEqual([
        { kind: 'range', raw: range, min: 15, max: 20, unit: '%' },
      ]);
    }
    expect(figures('kết nạp từ 140 - 150 đảng viên mới')).toEqual([
      { kind: 'range', raw: 'từ 140 - 150', min: 140, max: 150 },
    ]);
    expect(figures('kết nạp từ 300 đảng viên trở lên')).toEqual([{ kind: 'count', raw: 'từ 300', value: 300, min: 300 }]);
    expect(figures('kết nạp 1084/900 đảng viên')[0]).toMatchObject({ kind: 'ratio', raw: '1084/900' });
  });

  it('reads deadlines with their dates', () => {
    expect(figures('Thời gian hoàn thành: trước ngày 30/6/2024.')).toEqual([
      { kind: 'deadline', raw: 'trước ngày 30/6/2024', value: 2024, date: '2024-06-30' },
    ]);
    expect(figures('hoàn thành trong tháng 7/2024')).toEqual([
      { kind: 'deadline', raw: 'hoàn thành trong tháng 7/2024', value: 2024, date: '2024-07' },
    ]);
    expect(figures('Thời gian: Quý III/2024')).toEqual([{ kind: 'deadline', raw: 'Quý III/2024', value: 2024 }]);
    expect(figures('phấn đấu đến năm 2025 có 95% chi bộ đạt khá')).toEqual([
      { kind: 'deadline', raw: 'đến năm 2025', value: 2025 },
      { kind: 'percent', raw: '95%', value: 95, unit: '%' },
    ]);
    expect(figures('trong năm 2024 kết nạp 50 đảng viên')[0]).toEqual({ kind: 'year', raw: 'trong năm 2024', value: 2024 });
    // An "as of" date is no deadline, and an impossible date is no date.
    expect(figures('Tính đến ngày 30/11/2023, có 58 tổ chức').map((f) => f.kind)).toEqual(['count']);
    expect(figures('trước ngày 31/2/2024')).toEqual([]);
  });

  it('ignores numbers that only name things', () => {
    for (const clause of [
      'theo Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương',
      'Nghị định số 04/2015/NĐ-CP của Chính phủ',
      'tinh thần Nghị quyết Trung ương 4 khóa XII',
      '(1) Tiếp tục kiểm soát tình hình dịch Covid-19',
      'đại hội công đoàn nhiệm kỳ 2023 - 2028',
      'củng cố kiện toàn Ban Chỉ đạo 35',
      'Định kỳ 6 tháng, 01 năm đánh giá rút kinh nghiệm',
      'cán bộ trẻ (dưới 40 tuổi)',
      'so với thực hiện Nghị quyết năm 2022 của Tỉnh ủy',
    ]) {
      expect(figures(clause), clause).toEqual([]);
    }
  });
});
