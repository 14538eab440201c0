import type { ServiceContext } from '../context';
import { cell, ImportRejectedError, mapColumns, matchValue, nonEmptyRows, type RowProblem, type Table } from '../roster/table';
import { importQuizSet, type QuizImportSummary } from './import-quiz-set';
import { quizSetSchema } from './quiz-set-schema';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

const bankColumns = {
  id: ['ma_cau', 'ma_cau_hoi', 'stt', 'cau_so', 'so_tt'],
  text: ['cau_hoi', 'noi_dung', 'noi_dung_cau_hoi', 'question'],
  correct: ['dap_an_dung', 'dap_an', 'answer'],
  explanation: ['giai_thich', 'giai_thich_dap_an'],
  section: ['muc', 'trich_muc', 'can_cu'],
  difficulty: ['do_kho', 'muc_do'],
  tags: ['chu_de', 'the'],
  ...Object.fromEntries(letters.map((l) => [l, [`dap_an_${l}`, `phuong_an_${l}`, `option_${l}`, `lua_chon_${l}`]])),
} as unknown as Record<'id' | 'text' | 'correct' | 'explanation' | 'section' | 'difficulty' | 'tags' | (typeof letters)[number], readonly string[]>;

const difficultyAliases = { easy: ['de'], medium: ['trung_binh', 'tb'], hard: ['kho'] } as const;

/**
 * Imports a question bank the way organisers keep it in a spreadsheet: one row per
 * question, options in columns A–H, the right answer(s) as letters ("B" or "A, C").
 * Any bad row rejects the file; every problem names its line.
 */
export async function importQuestionBank({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { table: Table; slug: string; title: string; documentNumber?: string; unitCodes?: string[] };
}): Promise<QuizImportSummary> {
  const { columns, problems } = mapColumns(input.table.headers, bankColumns, ['text', 'a', 'b', 'correct']);
  if (problems.length > 0) throw new ImportRejectedError(problems);
  const rows = nonEmptyRows(input.table);
  if (rows.length === 0) throw new ImportRejectedError([{ line: 1, code: 'empty_file' }]);
  const bad = (line: number, field: string, value?: string): RowProblem => ({ line, field, code: 'invalid_value', value });

  const questions = rows.map((row, i) => {
    const options = letters.map((l) => cell(row, columns, l)).filter((o) => o !== '');
    const correctRaw = cell(row, columns, 'correct');
    const correct = correctRaw
      .toLowerCase()
      .split(/[\s,;/+]+/)
      .filter(Boolean)
      .map((l) => letters.indexOf(l as (typeof letters)[number]));
    if (correct.length === 0 || correct.some((c) => c < 0 || c >= options.length)) problems.push(bad(row.line, 'correct', correctRaw));
    const difficultyRaw = cell(row, columns, 'difficulty');
    const difficulty = difficultyRaw === '' ? 'medium' : matchValue(difficultyRaw, difficultyAliases);
    if (!difficulty) problems.push(bad(row.line, 'difficulty', difficultyRaw));
    return {
      line: row.line,
      question: {
        id: cell(row, columns, 'id') || `c${String(i + 1).padStart(3, '0')}`,
        text: cell(row, columns, 'text'),
        options,
        correct,
        explanation: cell(row, columns, 'explanation') || cell(row, columns, 'text'),
        section: cell(row, columns, 'section') || null,
        difficulty: difficulty ?? 'medium',
        tags: cell(row, columns, 'tags')
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean),
      },
    };
  });
  if (problems.length > 0) throw new ImportRejectedError(problems);

  const parsed = quizSetSchema.safeParse({
    id: input.slug,
    title: input.title,
    document: input.documentNumber ? { number: input.documentNumber } : null,
    units: input.unitCodes ?? null,
    questions: questions.map((q) => q.question),
  });
  if (!parsed.success) {
    throw new ImportRejectedError(
      parsed.error.issues.map((issue) => {
        const index = issue.path[0] === 'questions' ? Number(issue.path[1]) : Number.NaN;
        const field = String(issue.path[2] ?? issue.path[0] ?? '');
        return { line: questions[index]?.line ?? 1, field, code: 'invalid_value', value: issue.message };
      }),
    );
  }
  return importQuizSet({ ctx, input: { set: parsed.data } });
}
