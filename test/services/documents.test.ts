import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceErrorCode } from '../../src/services/errors';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8');
const nq02 = corpus('nq-02-duk-nang-cao-nang-luc-lanh-dao.txt');
const nqTinhUy = corpus('nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt');

// A document of our own that cites 02-NQ/ĐUK, to check the reference graph.
const citing = `ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
Số 09-KH/ĐUK
Hòa An, ngày 12 tháng 4 năm 2024

KẾ HOẠCH
triển khai thực hiện Nghị quyết số 02-NQ/ĐUK của Ban Chấp hành Đảng bộ Khối

I. MỤC ĐÍCH
1. Quán triệt Nghị quyết số 02-NQ/ĐUK đến 100% cán bộ, đảng viên trong quý II năm 2024.
II. TỔ CHỨC THỰC HIỆN
1. Các chi bộ tổ chức sinh hoạt chuyên đề về Nghị quyết.
`;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code: ServiceErrorCode }) => e.code,
  );

let t: TestDb;
let m1: number; // CB1, under CS1
let m5: number; // CBCS, outside CS1
beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
  const ids = await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM members`);
  m1 = ids.find((r) => r.code === 'M1')!.id;
  m5 = ids.find((r) => r.code === 'M5')!.id;
});
afterEach(() => t.close());

describe('document import', () => {
  it('stores a corpus resolution with its sections, targets and draft summaries', async () => {
    const result = await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt', unitCodes: ['CS1'] });
    expect(result.status).toBe('created');
    expect(result.parsed.number).toBe('02-NQ/ĐUK');
    expect(await t.count('document_sections')).toBe(result.parsed.sections.length);
    expect(await t.count('document_targets')).toBe(result.parsed.targets.length);
    expect(result.parsed.targets.length).toBeGreaterThan(3);
    const summaries = await t.services.listSummaries({ documentId: result.documentId });
    expect(summaries[0]).toMatchObject({ scope: 'document', status: 'draft', source: 'extractive' });
    expect(summaries.flatMap((s) => s.lines).every((l) => l.verbatim)).toBe(true);
  });

  it('refuses a second import, updates on request, and keeps study records across the update', async () => {
    const first = await t.services.importDocument({ text: nq02, sourceName: 'a.txt', unitCodes: ['CS1'] });
    expect(await codeOf(t.services.importDocument({ text: nq02, sourceName: 'b.txt' }))).toBe('document_exists');
    expect((await t.services.importDocument({ text: nq02, sourceName: 'b.txt', replace: true })).status).toBe('unchanged');

    await t.services.confirmStudy({ memberId: m1, documentId: first.documentId });
    const edited = nq02.replace('sức chiến đấu', 'sức  chiến đấu ');
    const second = await t.services.importDocument({ text: edited, sourceName: 'c.txt', replace: true });
    expect(second).toMatchObject({ documentId: first.documentId, status: 'updated' });
    expect(await t.count('documents')).toBe(1);
    expect(await t.count('document_study')).toBe(1);
    expect(await t.count('document_sections')).toBe(second.parsed.sections.length);
  });

  it('rejects empty text and an unknown unit, writing nothing', async () => {
    expect(await codeOf(t.services.importDocument({ text: '  \n ', sourceName: 'x.txt' }))).toBe('document_empty');
    expect(await codeOf(t.services.importDocument({ text: nq02, sourceName: 'x.txt', unitCodes: ['NOPE'] }))).toBe('not_found');
    expect(await t.count('documents')).toBe(0);
    expect(await t.count('document_passages')).toBe(0);
  });

  it('links citations both ways across imported documents', async () => {
    const cited = await t.services.importDocument({ text: nq02, sourceName: 'nq02.txt' });
    const citer = await t.services.importDocument({ text: citing, sourceName: 'kh09.txt' });
    const details = await t.services.getDocumentDetails({ documentId: cited.documentId });
    expect(details.citedBy).toEqual([{ documentId: citer.documentId, number: '09-KH/ĐUK', title: expect.any(String) }]);
    const back = await t.services.getDocumentDetails({ documentId: citer.documentId });
    expect(back.cites.find((c) => c.number === '02-NQ/ĐUK')?.documentId).toBe(cited.documentId);
  });
});

describe('reading and studying', () => {
  it('shows members only the documents published to their units, newest first, and records receipt', async () => {
    const a = await t.services.importDocument({ text: nq02, sourceName: 'a.txt', unitCodes: ['CS1'] });
    const b = await t.services.importDocument({ text: nqTinhUy, sourceName: 'b.txt', unitCodes: ['K'] });
    const forM1 = await t.services.listMemberDocuments({ memberId: m1, page: 0 });
    expect(forM1.items.map((d) => d.id).sort()).toEqual([a.documentId, b.documentId].sort());
    const forM5 = await t.services.listMemberDocuments({ memberId: m5, page: 0 });
    expect(forM5.items.map((d) => d.id)).toEqual([b.documentId]);
    expect(await codeOf(t.services.openMemberDocument({ memberId: m5, documentId: a.documentId }))).toBe('not_found');
    const coverage = await t.services.studyCoverage({ documentId: a.documentId });
    expect(coverage.map((c) => [c.unitCode, c.members, c.received])).toEqual([
      ['CB1', 2, 1],
      ['CB2', 2, 0],
    ]);
  });

  it('hides a summary until it is approved, then shows it with section paths', async () => {
    const doc = await t.services.importDocument({ text: nq02, sourceName: 'a.txt', unitCodes: ['CS1'] });
    expect((await t.services.openMemberDocument({ memberId: m1, documentId: doc.documentId })).summary).toBeNull();
    expect((await t.services.approveSummary({ documentId: doc.documentId }, 'cli')).approved).toBeGreaterThan(1);
    const view = await t.services.openMemberDocument({ memberId: m1, documentId: doc.documentId });
    expect(view.summary?.length).toBeGreaterThan(0);
    expect(view.mainSections.map((s) => s.path)).toEqual(expect.arrayContaining(['I', 'II', 'III']));
  });

  it('lets staff edit a summary only with real section paths, and sends it back to draft', async () => {
    const doc = await t.services.importDocument({ text: nq02, sourceName: 'a.txt' });
    await t.services.approveSummary({ documentId: doc.documentId });
    expect(
      await codeOf(t.services.editSummary({ documentId: doc.documentId, scope: 'document', lines: [{ text: 'Câu bịa', section: 'IX.9' }] })),
    ).toBe('summary_invalid');
    await t.services.editSummary({ documentId: doc.documentId, scope: 'document', lines: [{ text: 'Nâng cao năng lực lãnh đạo.', section: 'II' }] });
    const [summary] = await t.services.listSummaries({ documentId: doc.documentId });
    expect(summary).toMatchObject({ status: 'draft', source: 'edited', lines: [{ text: 'Nâng cao năng lực lãnh đạo.', section: 'II', verbatim: false }] });
  });

  it('counts a study confirmation once, however often it is tapped', async () => {
    const doc = await t.services.importDocument({ text: nq02, sourceName: 'a.txt', unitCodes: ['CB1'] });
    expect(await t.services.confirmStudy({ memberId: m1, documentId: doc.documentId })).toEqual({ alreadyConfirmed: false });
    t.clock.advance(60_000);
    expect(await t.services.confirmStudy({ memberId: m1, documentId: doc.documentId })).toEqual({ alreadyConfirmed: true });
    const [cb1] = await t.services.studyCoverage({ documentId: doc.documentId });
    expect(cb1).toMatchObject({ unitCode: 'CB1', members: 2, confirmed: 1, opened: 1, confirmedRate: 0.5 });
    expect(await codeOf(t.services.confirmStudy({ memberId: m5, documentId: doc.documentId }))).toBe('not_found');
  });
});

describe('search', () => {
  it('finds passages without diacritics, within what the member may read', async () => {
    const doc = await t.services.importDocument({ text: nqTinhUy, sourceName: 'tu.txt', unitCodes: ['CS1'] });
    const hits = await t.services.searchDocuments({ query: 'sinh hoat chuyen de', memberId: m1 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.text.toLowerCase()).toContain('sinh hoạt chuyên đề');
    expect(hits[0]!.documentId).toBe(doc.documentId);
    expect(hits[0]!.sectionPath).toMatch(/^([IVX]+(\.\d+)*|preamble)$/);
    expect(await t.services.searchDocuments({ query: 'sinh hoat chuyen de', memberId: m5 })).toEqual([]);
    expect(await t.services.searchDocuments({ query: '"OR * NEAR(' })).toEqual([]);
  });
});
