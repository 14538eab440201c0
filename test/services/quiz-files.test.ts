import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuizFile } from '../../src/services/quizzes/parse-quiz-file';

const quizDir = join(import.meta.dirname, '..', '..', 'quizzes');

const good = `id: thu-nghiem
title: "Bộ thử"
questions:
  - id: q1
    text: "Câu hỏi thứ nhất?"
    options: ["Một", "Hai"]
    correct: [0]
    explanation: "Vì một."
`;

describe('quiz YAML validation', () => {
  it('accepts every shipped quiz set', () => {
    for (const name of readdirSync(quizDir).filter((n) => n.endsWith('.yaml'))) {
      const { set, problems } = parseQuizFile(name, readFileSync(join(quizDir, name), 'utf8'));
      expect(problems, name).toEqual([]);
      expect(set?.questions.length, name).toBeGreaterThanOrEqual(20);
    }
  });

  it('names the line of each problem', () => {
    const bad = `id: Thu Nghiem
title: "Bộ thử"
questions:
  - id: q1
    text: "Câu hỏi thứ nhất?"
    options: ["Một", "Hai"]
    correct: [0, 5]
    explanation: "Vì một."
  - id: q1
    text: "Câu hỏi thứ hai?"
    options: ["Một"]
    correct: [0]
    explanation: "${'Vì hai.'.normalize('NFD')}"
`;
    const { set, problems } = parseQuizFile('bad.yaml', bad);
    expect(set).toBeNull();
    const byLine = problems.map((p) => [p.line, p.path]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        [1, 'id'],
        [7, 'questions.0.correct.1'],
        [9, 'questions.1.id'],
        [11, 'questions.1.options'],
        [13, 'questions.1.explanation'],
      ]),
    );
    expect(problems.find((p) => p.path === 'questions.0.correct.1')?.message).toContain('không có trong 2 phương án');
    expect(problems.find((p) => p.line === 13)?.message).toContain('NFC');
  });

  it('reports broken YAML with its line', () => {
    const { problems } = parseQuizFile('broken.yaml', `${good}  - id: [unclosed\n`);
    expect(problems[0]?.line).toBe(10);
    expect(problems[0]?.message).toContain('YAML không hợp lệ');
  });
});
