import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runTsx } from '../helpers/run-node';

let dir: string;
let env: Record<string, string>;
const cli = (...args: string[]) => runTsx('src/cli.ts', args, env);
const corpus = (name: string) => join(repoRoot, '..', 'shared', 'corpus', name);
const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chibo-doc-cli-'));
  env = { DATABASE_URL: `file:${join(dir, 'doc.db')}` };
  await cli('seed', 'demo');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('doc import', () => {
  it('prints the parsed document as JSON for other tools', async () => {
    const result = await cli('doc', 'import', corpus('nq-04-duk-tra-vinh-nam-2023.txt'), '--unit', 'DBK', '--json');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown> & { sections: unknown[]; targets: { section: string; values: unknown[] }[]; summary: { section: string }[] };
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['kind', 'number', 'title', 'issuer', 'issuedAt', 'signer', 'sections', 'targets', 'references', 'summary']),
    );
    expect(doc.kind).toBe('nghi_quyet');
    expect(doc.number).toBe('04-NQ/ĐUK');
    expect(doc.targets.length).toBeGreaterThan(0);
    expect(doc.targets.every((x) => /^([IVX]+(\.\d+)*|preamble)$/.test(x.section))).toBe(true);
    expect(doc.targets.filter((x) => x.values.length > 0).length).toBeGreaterThan(5);
    expect(doc.summary.every((l) => l.section)).toBe(true);
  });

  it('reads .docx and text-layer .pdf files', async () => {
    const docx = JSON.parse((await cli('doc', 'import', fixture('ke-hoach-17.docx'), '--json')).stdout) as { kind: string; number: string; targets: unknown[] };
    expect(docx).toMatchObject({ kind: 'ke_hoach', number: '17-KH/ĐUK' });
    expect(docx.targets.length).toBeGreaterThan(0);
    const pdf = await cli('doc', 'import', fixture('ke-hoach-17.pdf'), '--json');
    // Same document as the .docx: refused as already imported, with a clear message.
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain('đã được nhập');
    const replaced = JSON.parse((await cli('doc', 'import', fixture('ke-hoach-17.pdf'), '--replace', '--json')).stdout) as { number: string; status: string };
    expect(replaced).toMatchObject({ number: '17-KH/ĐUK', status: 'updated' });
  });

  it('gives a clear error for empty, binary, unknown and missing files, and writes nothing', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    writeFileSync(join(dir, 'note.odt'), 'hello');
    writeFileSync(join(dir, 'huge.txt'), 'Nghị quyết. '.repeat(500_000));
    const before = JSON.parse((await cli('doc', 'list', '--json')).stdout) as unknown[];
    const cases: [string, string][] = [
      ['empty.txt', 'Tệp rỗng'],
      ['binary.txt', 'nhị phân'],
      ['note.odt', 'Chỉ nhận .txt, .md, .docx'],
      ['missing.txt', 'Không tìm thấy tệp'],
      ['huge.txt', 'Tệp quá lớn'],
    ];
    for (const [file, message] of cases) {
      const result = await cli('doc', 'import', join(dir, file));
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toContain(message);
    }
    expect(JSON.parse((await cli('doc', 'list', '--json')).stdout)).toHaveLength(before.length);
  });

  it('approves summaries and reports study coverage', async () => {
    const docs = JSON.parse((await cli('doc', 'list', '--json')).stdout) as { id: number; number: string }[];
    const id = String(docs.find((d) => d.number === '04-NQ/ĐUK')!.id);
    expect((await cli('doc', 'approve', id)).stdout).toMatch(/Đã duyệt \d+ bản tóm tắt/);
    const coverage = JSON.parse((await cli('doc', 'coverage', id, '--json')).stdout) as { members: number; confirmed: number }[];
    expect(coverage.reduce((n, r) => n + r.members, 0)).toBe(62);
    expect(coverage.every((r) => r.confirmed === 0)).toBe(true);
    // A unit code that does not exist is named, not answered with an empty report.
    const unknownUnit = await cli('doc', 'coverage', id, '--unit', 'KHONG-CO');
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stderr).toContain('Không tìm thấy: {"unit":"KHONG-CO"}');
    const hits = JSON.parse((await cli('doc', 'search', 'chuyen', 'doi', 'so', '--json')).stdout) as { documentNumber: string }[];
    expect(hits.length).toBeGreaterThan(0);
  });
});
