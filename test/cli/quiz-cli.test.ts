import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVietnamTime } from '../../src/cli/quiz-commands';
import { runTsx } from '../helpers/run-node';

let dir: string;
let env: Record<string, string>;
const cli = (...args: string[]) => runTsx('src/cli.ts', args, env);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chibo-quiz-cli-'));
  env = { DATABASE_URL: `file:${join(dir, 'quiz.db')}` };
  await cli('seed', 'demo');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quiz CLI', () => {
  it('validates and imports the shipped quiz sets', async () => {
    const valid = await cli('quiz', 'validate');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/Hợp lệ: 3 bộ, \d+ câu hỏi\./);
    const imported = JSON.parse((await cli('quiz', 'import', '--json')).stdout) as { slug: string; questions: number }[];
    expect(imported).toHaveLength(3);
    expect(imported.every((s) => s.questions >= 20)).toBe(true);
  });

  it('lists each problem of a bad file with file and line, and imports nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bo-loi\ntitle: "Bộ lỗi"\nquestions:\n  - id: q1\n    text: "Câu hỏi?"\n    options: ["Một"]\n    correct: [3]\n    explanation: "Giải thích."\n');
    const result = await cli('quiz', 'validate', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:6 (questions.0.options) — cần từ 2 đến 8 phương án`);
    expect(result.stderr).toContain(`${bad}:7`);
    expect((await cli('quiz', 'import', bad)).code).toBe(1);
  });

  it('imports a question bank sheet the way organisers keep it, rejecting bad rows by line', async () => {
    const good = join(dir, 'bank.csv');
    writeFileSync(
      good,
      'Mã câu,Câu hỏi,A,B,C,D,Đáp án đúng,Giải thích,Mục,Độ khó,Chủ đề\n' +
        'c1,Chi bộ sinh hoạt định kỳ bao lâu một lần?,Một tuần,Một tháng,Một quý,,B,Mỗi tháng một lần.,II.1,dễ,tan-suat\n' +
        'c2,Những việc nào là nhiệm vụ của chi bộ?,Giáo dục đảng viên,Đi du lịch,Kết nạp đảng viên,,"A, C",Cả hai.,II.2,trung bình,\n',
    );
    const ok = JSON.parse((await cli('quiz', 'import-bank', good, '--set', 'ngan-hang', '--title', 'Ngân hàng thử', '--json')).stdout);
    expect(ok).toMatchObject({ slug: 'ngan-hang', created: true, questions: 2 });

    const badFile = join(dir, 'bank-bad.csv');
    writeFileSync(badFile, 'Câu hỏi,A,B,Đáp án đúng\nCâu một?,X,Y,C\nCâu hai?,X,Y,B\nCâu ba?,X,Y,\n');
    const bad = await cli('quiz', 'import-bank', badFile, '--set', 'loi', '--title', 'Lỗi');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Dòng 2 cột "correct"');
    expect(bad.stderr).toContain('Dòng 4 cột "correct"');
  });

  it('creates a contest in Vietnam time and shows its (empty) leaderboard', async () => {
    const created = await cli('contest', 'create', '--slug', 'thi-thu', '--title', 'Thi thử', '--set', 'ngan-hang', '--opens', '2026-12-01 08:00', '--closes', '2026-12-15 17:00', '--attempts', '2', '--prediction', '--unit', 'DBK', '--json');
    expect(created.code).toBe(0);
    const { contestId } = JSON.parse(created.stdout) as { contestId: number };
    const board = JSON.parse((await cli('contest', 'leaderboard', String(contestId), '--json')).stdout);
    expect(board).toMatchObject({ title: 'Thi thử', entrants: 0, rows: [] });
    // A unit code that does not exist is named, not answered with an empty ranking.
    const unknownUnit = await cli('contest', 'leaderboard', String(contestId), '--unit', 'KHONG-CO');
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stderr).toContain('Không tìm thấy');
    expect(unknownUnit.stderr).toContain('KHONG-CO');
    expect(parseVietnamTime('2026-12-01 08:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    const wrong = await cli('contest', 'create', '--slug', 'x', '--title', 'X', '--set', 'ngan-hang', '--opens', 'mai', '--closes', '2026-12-15');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Thời gian không hợp lệ');
  });
});


describe('clear errors in Vietnamese', () => {
  it('explains a contest that closes before it opens, and a guide who is not from a unit above', async () => {
    const backwards = await cli('contest', 'create', '--slug', 'nguoc', '--title', 'Ngược', '--set', 'ngan-hang', '--opens', '2026-12-15 08:00', '--closes', '2026-12-01 08:00');
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('thời điểm đóng phải sau thời điểm mở');
    const guide = await cli('units', 'guide', 'CB-STC-VP', 'DV0004');
    expect(guide.code).toBe(1);
    expect(guide.stderr).toContain('phải là cấp ủy viên của đơn vị cấp trên');
  });
});
