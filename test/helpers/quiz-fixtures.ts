import type { QuizSetInput } from '../../src/services/quizzes/quiz-set-schema';

/** A small set: q1 single (answer index 1), q2 multi (0 and 2), q3 single (0), all citing sections. */
export function smallQuizSet(overrides: Partial<QuizSetInput> = {}): QuizSetInput {
  return {
    id: 'on-tap-thu',
    title: 'Ôn tập thử',
    description: null,
    document: null,
    shuffle_questions: false,
    time_limit_seconds: null,
    pass_percent: 60,
    draw: null,
    units: ['CS1'],
    questions: [
      {
        id: 'q1',
        text: 'Chi bộ sinh hoạt định kỳ bao lâu một lần?',
        options: ['Hai tuần', 'Một tháng', 'Một quý'],
        correct: [1],
        explanation: 'Chi bộ sinh hoạt định kỳ mỗi tháng một lần.',
        section: 'II.1',
        quote: null,
        difficulty: 'easy',
        tags: ['tan-suat'],
      },
      {
        id: 'q2',
        text: 'Những nội dung nào thuộc sinh hoạt chi bộ? (chọn các đáp án đúng)',
        options: ['Kiểm điểm nghị quyết', 'Đi du lịch', 'Phê bình và tự phê bình'],
        correct: [0, 2],
        explanation: 'Sinh hoạt chi bộ gồm kiểm điểm và phê bình, tự phê bình.',
        section: 'II.2',
        quote: null,
        difficulty: 'medium',
        tags: ['noi-dung'],
      },
      {
        id: 'q3',
        text: 'Sinh hoạt chuyên đề ít nhất bao lâu một lần?',
        options: ['Sáu tháng', 'Hai năm'],
        correct: [0],
        explanation: 'Sinh hoạt chuyên đề ít nhất sáu tháng một lần.',
        section: 'III',
        quote: null,
        difficulty: 'hard',
        tags: ['tan-suat'],
      },
    ],
    ...overrides,
  };
}
