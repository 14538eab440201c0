import { describe, expect, it } from 'vitest';
import { splitForZalo, typedNumber, typedNumbers } from '../../bot/zalo/text';
import { deriveUpdateId, parseZaloUpdate } from '../../bot/zalo/update';
import { zaloTextUpdate } from '../helpers/zalo-api-emulator';

describe('splitting text for Zalo', () => {
  it('keeps paragraphs whole while they fit, and never exceeds 2,000 characters', () => {
    const paragraph = (n: number) => `Đoạn ${n}: ${'nội dung nghị quyết '.repeat(30).trim()}.`;
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const parts = splitForZalo(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    for (const p of parts) expect(p.split('\n\n').every((para) => /^Đoạn \d+: .*\.$/.test(para))).toBe(true);
    expect(parts.join('\n\n')).toBe(text);
  });

  it('cuts one huge paragraph between words, and normalises NFD to NFC', () => {
    const words = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(' ');
    const parts = splitForZalo(words.normalize('NFD'));
    expect(parts.every((p) => p.length <= 2000 && p === p.normalize('NFC'))).toBe(true);
    expect(parts.join(' ')).toBe(words);
  });
});

describe('reading typed numbers', () => {
  it('accepts a bare number in the ways people type it, and nothing else', () => {
    expect(['2', ' 2 ', '2.', '2)', 'số 2', 'Số 2'].map(typedNumber)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['2 người', 'hai', '1,3', '', '-1', '1.5'].map(typedNumber)).toEqual([null, null, null, null, null, null]);
    expect(typedNumbers('1, 3')).toEqual([1, 3]);
    expect(typedNumbers('3 1 3')).toEqual([3, 1]);
    expect(typedNumbers('1 và 3')).toBeNull();
  });
});

describe('Zalo update ids', () => {
  it('derives the same id for a redelivery and different ids for different messages', () => {
    const a = zaloTextUpdate('u1', 'xin chào', 'msg-1');
    expect(deriveUpdateId(parseZaloUpdate(a)!)).toBe(deriveUpdateId(parseZaloUpdate(JSON.parse(JSON.stringify(a)))!));
    expect(deriveUpdateId(parseZaloUpdate({ ok: true, result: a })!)).toBe(deriveUpdateId(parseZaloUpdate(a)!));
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => deriveUpdateId(parseZaloUpdate(zaloTextUpdate('u1', 'x', `msg-${i}`))!)));
    expect(ids.size).toBe(5000);
    expect([...ids].every((id) => Number.isSafeInteger(id) && id >= 0)).toBe(true);
  });
});
