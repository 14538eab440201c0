import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type QuizSetInput, quizSetSchema } from './quiz-set-schema';

export interface QuizFileProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

const typeMessages: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu hoặc thiếu trường bắt buộc',
  unrecognized_keys: 'có trường không dùng đến',
  invalid_value: 'giá trị không thuộc danh sách cho phép',
};

/**
 * Parses and validates one quiz YAML file. Every problem comes back with the
 * line it stands on, so an editor can jump straight to it.
 */
export function parseQuizFile(file: string, text: string): { set: QuizSetInput | null; problems: QuizFileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return {
      set: null,
      problems: doc.errors.map((e) => ({ file, line: lineOf(e.pos[0]), path: '', message: `YAML không hợp lệ: ${e.message.split('\n')[0]}` })),
    };
  }
  const parsed = quizSetSchema.safeParse(doc.toJS());
  if (parsed.success) return { set: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue: z.core.$ZodIssue) => {
    // The deepest node that exists on the issue's path gives the line.
    let line = 1;
    for (let depth = issue.path.length; depth >= 0; depth--) {
      const node = doc.getIn(issue.path.slice(0, depth) as (string | number)[], true);
      if (isNode(node) && node.range) {
        line = lineOf(node.range[0]);
        break;
      }
    }
    const message = issue.code === 'custom' || issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_format'
      ? issue.message
      : (typeMessages[issue.code] ?? issue.message);
    return { file, line, path: issue.path.join('.'), message };
  });
  return { set: null, problems: problems.sort((a, b) => a.line - b.line) };
}
