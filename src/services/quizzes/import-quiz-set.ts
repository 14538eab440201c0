import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { quizQuestions, quizSets, quizSetUnits, units } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { QuizSetInput } from './quiz-set-schema';

export interface QuizImportSummary {
  slug: string;
  created: boolean;
  questions: number;
  retired: number;
}

/**
 * Creates or updates a quiz set and its questions by key, in one batch.
 * Questions no longer in the file are retired, not deleted: past answers keep pointing at them.
 * `status` lets drafted questions arrive as drafts that members never see.
 */
export async function importQuizSet({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { set: QuizSetInput; status?: 'approved' | 'draft' };
}): Promise<QuizImportSummary> {
  const s = input.set;
  const status = input.status ?? 'approved';
  const unitCodes = s.units ?? [];
  const unitRows = unitCodes.length > 0 ? await ctx.db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, unitCodes)) : [];
  const missing = unitCodes.filter((c) => !unitRows.some((u) => u.code === c));
  if (missing.length > 0) throw new ServiceError('not_found', 'unit not found', { unit: missing.join(', ') });
  const documentNumber = s.document?.number ?? null;
  const documentFile = s.document?.file ?? null;
  const slug = s.id;
  const [existing] = await ctx.db.select({ id: quizSets.id }).from(quizSets).where(eq(quizSets.slug, slug));
  const now = ctx.clock.now();
  const setFields = {
    title: s.title,
    description: s.description ?? null,
    documentNumber,
    documentFile,
    // Linked now if the document is already imported; importing it later links it too.
    documentId: documentNumber
      ? sql`(SELECT id FROM documents WHERE number = ${documentNumber} ORDER BY id DESC LIMIT 1)`
      : documentFile
        ? sql`(SELECT id FROM documents WHERE source_name = ${documentFile} ORDER BY id DESC LIMIT 1)`
        : null,
    shuffleQuestions: s.shuffle_questions,
    timeLimitSeconds: s.time_limit_seconds ?? null,
    drawCount: s.draw?.count ?? null,
    drawTags: s.draw?.tags ?? null,
    drawDifficulty: s.draw?.difficulty ?? null,
    passPercent: s.pass_percent,
    updatedAt: now,
  };
  const setRef = sql`(SELECT id FROM quiz_sets WHERE slug = ${slug})`;
  const keys = s.questions.map((q) => q.id);
  const [retiredCount] = existing
    ? await ctx.db.all<{ n: number }>(sql`
        SELECT count(*) AS n FROM quiz_questions WHERE set_id = ${existing.id} AND status <> 'retired'
          AND key NOT IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`)
    : [{ n: 0 }];
  await ctx.db.batch([
    ctx.db
      .insert(quizSets)
      .values({ slug, ...setFields, createdAt: now })
      .onConflictDoUpdate({ target: quizSets.slug, set: setFields }),
    ...s.questions.map((q, ordinal) => {
      const fields = {
        ordinal,
        text: q.text,
        options: q.options,
        correct: q.correct,
        explanation: q.explanation,
        sectionPath: q.section ?? null,
        quote: q.quote ?? null,
        difficulty: q.difficulty,
        tags: q.tags,
        status,
      };
      return ctx.db
        .insert(quizQuestions)
        .values({ setId: setRef, key: q.id, ...fields })
        .onConflictDoUpdate({ target: [quizQuestions.setId, quizQuestions.key], set: fields });
    }),
    ctx.db
      .update(quizQuestions)
      .set({ status: 'retired' })
      .where(and(eq(quizQuestions.setId, setRef), notInArray(quizQuestions.key, keys))),
    ...unitRows.map((u) => ctx.db.insert(quizSetUnits).values({ setId: setRef, unitId: u.id }).onConflictDoNothing()),
    auditStatement(ctx, { action: 'quiz.import', entity: 'quiz_set', entityId: slug, details: { questions: keys.length } }),
  ]);
  return { slug, created: !existing, questions: keys.length, retired: Number(retiredCount?.n ?? 0) };
}

/** Approves drafted questions of a set (all, or the given keys) so members can get them. */
export async function approveQuestions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; keys?: string[] };
}): Promise<{ approved: number }> {
  const keyFilter = input.keys && input.keys.length > 0 ? sql`AND key IN (SELECT value FROM json_each(${JSON.stringify(input.keys)}))` : sql``;
  const [result] = await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE quiz_questions SET status = 'approved'
      WHERE status = 'draft' AND set_id = (SELECT id FROM quiz_sets WHERE slug = ${input.slug}) ${keyFilter}`),
    auditStatement(ctx, { action: 'quiz.approve', entity: 'quiz_set', entityId: input.slug }),
  ]);
  return { approved: result.rowsAffected };
}
