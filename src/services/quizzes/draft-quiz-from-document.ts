import { sql } from 'drizzle-orm';
import { parseDocument } from '../../documents/parse-document';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { draftQuestions } from './draft-questions';
import { importQuizSet } from './import-quiz-set';

/**
 * Drafts questions from a stored document (its targets, meeting frequencies and
 * responsibilities) into a quiz set whose questions stay drafts until a person approves them.
 */
export async function draftQuizFromDocument({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { documentId: number; slug?: string; max?: number };
}): Promise<{ slug: string; drafted: number }> {
  const [doc] = await ctx.db.all<{ number: string | null; title: string | null; source_text: string; source_name: string }>(sql`
    SELECT number, title, source_text, source_name FROM documents WHERE id = ${input.documentId}`);
  if (!doc) throw new ServiceError('not_found', 'document not found', { document: input.documentId });
  const parsed = parseDocument(doc.source_text);
  const drafts = draftQuestions(parsed, { max: input.max ?? 30 });
  const slug = input.slug ?? `nhap-van-ban-${input.documentId}`;
  if (drafts.length === 0) return { slug, drafted: 0 };
  await importQuizSet({
    ctx,
    input: {
      status: 'draft',
      set: {
        id: slug,
        title: `Câu hỏi về ${doc.number ? `văn bản số ${doc.number}` : (doc.title ?? 'văn bản')}`.slice(0, 200),
        description: null,
        document: { number: doc.number, file: doc.source_name },
        shuffle_questions: true,
        time_limit_seconds: null,
        pass_percent: 80,
        draw: null,
        units: null,
        questions: drafts.map((d, i) => ({
          id: `nhap-${String(i + 1).padStart(2, '0')}`,
          text: d.text,
          options: d.options,
          correct: d.correct,
          explanation: d.explanation,
          section: d.section,
          quote: d.quote,
          difficulty: d.difficulty,
          tags: d.tags,
        })),
      },
    },
  });
  return { slug, drafted: drafts.length };
}
