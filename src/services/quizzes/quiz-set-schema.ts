import { z } from 'zod';
import { questionDifficulties } from '../../db/schema';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang');
const nfcText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `cần ít nhất ${min} ký tự`)
    .max(max, `tối đa ${max} ký tự`)
    .refine((s) => s === s.normalize('NFC'), 'chữ chưa chuẩn hóa NFC (dấu tiếng Việt bị tách)');

export const quizQuestionSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,40}$/, 'mã câu hỏi chỉ gồm chữ, số, _ và -'),
    text: nfcText(5, 1000),
    options: z.array(nfcText(1, 300)).min(2, 'cần từ 2 đến 8 phương án').max(8, 'cần từ 2 đến 8 phương án'),
    correct: z.array(z.number().int().min(0)).min(1, 'cần ít nhất một đáp án đúng'),
    explanation: nfcText(5, 1500),
    section: z
      .string()
      .regex(/^(preamble|[IVX]+|\d+)(\.[0-9a-zđ]+)*$/, 'mục phải có dạng II, II.1, III.3.5.1 hoặc II.3.a')
      .nullish(),
    quote: z.string().nullish(),
    difficulty: z.enum(questionDifficulties).default('medium'),
    tags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'thẻ viết thường, không dấu, nối bằng -')).default([]),
  })
  .superRefine((q, ctx) => {
    for (const [i, c] of q.correct.entries()) {
      if (c >= q.options.length) ctx.addIssue({ code: 'custom', path: ['correct', i], message: `đáp án ${c} không có trong ${q.options.length} phương án (đánh số từ 0)` });
    }
    if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'đáp án đúng bị lặp' });
    const seen = new Set<string>();
    for (const [i, o] of q.options.entries()) {
      if (seen.has(o)) ctx.addIssue({ code: 'custom', path: ['options', i], message: 'phương án bị trùng' });
      seen.add(o);
    }
  });

export const quizSetSchema = z
  .object({
    id: slug,
    title: nfcText(3, 200),
    description: z.string().nullish(),
    document: z.object({ number: z.string().nullish(), file: z.string().nullish() }).nullish(),
    shuffle_questions: z.boolean().default(true),
    time_limit_seconds: z.number().int().min(10).max(3600).nullish(),
    pass_percent: z.number().int().min(1).max(100).default(80),
    draw: z
      .object({
        count: z.number().int().min(1),
        tags: z.array(z.string()).nullish(),
        difficulty: z.enum(questionDifficulties).nullish(),
      })
      .nullish(),
    /** Unit codes the set is published to; without them it follows its document's publication. */
    units: z.array(z.string()).nullish(),
    questions: z.array(quizQuestionSchema).min(1, 'bộ câu hỏi chưa có câu nào'),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const [i, q] of s.questions.entries()) {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `mã câu hỏi ${q.id} bị trùng` });
      seen.add(q.id);
    }
    if (s.draw && s.draw.count > s.questions.length) {
      ctx.addIssue({ code: 'custom', path: ['draw', 'count'], message: 'số câu rút nhiều hơn số câu trong bộ' });
    }
  });

export type QuizSetInput = z.infer<typeof quizSetSchema>;
export type QuizQuestionInput = z.infer<typeof quizQuestionSchema>;
