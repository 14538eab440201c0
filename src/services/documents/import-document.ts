import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  documentFootnotes,
  documentPassages,
  documentReferences,
  documentSections,
  documents,
  documentSummaries,
  documentTargets,
  documentUnits,
  units,
} from '../../db/schema';
import { DocumentParseError } from '../../documents/errors';
import { parseDocument } from '../../documents/parse-document';
import type { ParsedDocument } from '../../documents/types';
import { foldText } from '../../text/fold';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { splitPassages } from './passages';
import { sha256Hex } from '../tokens';

export interface ImportDocumentInput {
  text: string;
  sourceName: string;
  /** Units the document is published to (their members and every unit below). */
  unitCodes?: string[];
  /** Update the document with the same number (or same content) instead of refusing. */
  replace?: boolean;
}

export interface ImportDocumentResult {
  documentId: number;
  status: 'created' | 'updated' | 'unchanged';
  parsed: ParsedDocument;
}

/**
 * Parses a document and stores it with its sections, passages (search),
 * targets, references, footnotes and draft summaries, all in one batch.
 */
export async function importDocument({ ctx, input }: { ctx: ServiceContext; input: ImportDocumentInput }): Promise<ImportDocumentResult> {
  if (input.text.trim() === '') throw new ServiceError('document_empty');
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument(input.text);
  } catch (error) {
    if (error instanceof DocumentParseError) throw new ServiceError(error.code === 'empty_text' ? 'document_empty' : 'document_unreadable');
    throw error;
  }
  const contentHash = await sha256Hex(input.text.normalize('NFC'));

  const unitCodes = input.unitCodes ?? [];
  const unitRows = unitCodes.length > 0 ? await ctx.db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, unitCodes)) : [];
  const missing = unitCodes.filter((c) => !unitRows.some((u) => u.code === c));
  if (missing.length > 0) throw new ServiceError('not_found', 'unit not found', { unit: missing.join(', ') });

  const [sameContent] = await ctx.db.select({ id: documents.id }).from(documents).where(eq(documents.contentHash, contentHash));
  const [sameNumber] = parsed.number
    ? await ctx.db.select({ id: documents.id }).from(documents).where(eq(documents.number, parsed.number))
    : [];
  const existing = sameContent ?? sameNumber;
  if (existing && !input.replace) {
    throw new ServiceError('document_exists', 'document already imported', { documentId: existing.id, number: parsed.number });
  }
  const now = ctx.clock.now();
  if (sameContent && input.replace) {
    // Same bytes: only new publication targets can change.
    await publishTo(ctx, sameContent.id, unitRows.map((u) => u.id), now);
    return { documentId: sameContent.id, status: 'unchanged', parsed };
  }

  const meta = {
    kind: parsed.kind,
    number: parsed.number,
    title: parsed.title,
    issuer: parsed.issuer,
    place: parsed.place,
    issuedAt: parsed.issuedAt,
    signerTitle: parsed.signer?.title ?? null,
    signerName: parsed.signer?.name ?? null,
    recipients: parsed.recipients,
    statistics: parsed.statistics ?? [],
    sourceName: input.sourceName,
    contentHash,
    body: parsed.body,
    sourceText: input.text.normalize('NFC'),
    updatedAt: now,
  };
  let documentId: number;
  if (existing) {
    documentId = existing.id;
    await ctx.db.batch([
      ctx.db.update(documents).set(meta).where(eq(documents.id, documentId)),
      ctx.db.delete(documentSections).where(eq(documentSections.documentId, documentId)),
      ctx.db.delete(documentPassages).where(eq(documentPassages.documentId, documentId)),
      ctx.db.delete(documentTargets).where(eq(documentTargets.documentId, documentId)),
      ctx.db.delete(documentReferences).where(eq(documentReferences.documentId, documentId)),
      ctx.db.delete(documentFootnotes).where(eq(documentFootnotes.documentId, documentId)),
      ctx.db.delete(documentSummaries).where(eq(documentSummaries.documentId, documentId)),
      ...contentStatements(ctx, documentId, parsed, now),
      auditStatement(ctx, { action: 'document.update', entity: 'document', entityId: documentId }),
    ]);
  } else {
    // Child rows find the new document by its content hash, so the whole import is one atomic batch.
    const docRef = sql`(SELECT id FROM documents WHERE content_hash = ${contentHash})`;
    const [inserted] = await ctx.db.batch([
      ctx.db.insert(documents).values({ ...meta, createdAt: now }).returning({ id: documents.id }),
      ...contentStatements(ctx, docRef, parsed, now),
    ]);
    documentId = inserted[0]!.id;
    await auditStatement(ctx, { action: 'document.import', entity: 'document', entityId: documentId });
  }
  await publishTo(ctx, documentId, unitRows.map((u) => u.id), now);
  // Quiz sets written for this document before it was imported find it now.
  await ctx.db.run(sql`
    UPDATE quiz_sets SET document_id = ${documentId}
    WHERE document_id IS NULL AND (document_number = ${parsed.number} OR (document_number IS NULL AND document_file = ${input.sourceName}))`);
  return { documentId, status: existing ? 'updated' : 'created', parsed };
}

function contentStatements(ctx: ServiceContext, documentId: number | SQL, parsed: ParsedDocument, now: Date) {
  const statements = [];
  parsed.sections.forEach((s, i) => {
    statements.push(
      ctx.db.insert(documentSections).values({ documentId, ordinal: i, path: s.path, heading: s.heading, level: s.level, text: s.text }),
    );
    for (const passage of splitPassages(`${s.heading}\n${s.text}`)) {
      statements.push(ctx.db.insert(documentPassages).values({ documentId, sectionPath: s.path, text: passage, folded: foldText(passage) }));
    }
  });
  parsed.targets.forEach((t, i) => {
    statements.push(ctx.db.insert(documentTargets).values({ documentId, ordinal: i, sectionPath: t.section, text: t.text, values: t.values }));
  });
  for (const r of parsed.references) {
    statements.push(ctx.db.insert(documentReferences).values({ documentId, number: r.number, date: r.date, kind: r.kind }));
  }
  for (const f of parsed.footnotes) {
    statements.push(ctx.db.insert(documentFootnotes).values({ documentId, marker: f.marker, text: f.text, sectionPath: f.section }));
  }
  statements.push(
    ctx.db.insert(documentSummaries).values({
      documentId,
      scope: 'document',
      heading: parsed.title ?? parsed.number ?? '',
      lines: parsed.summary,
      source: 'extractive',
      updatedAt: now,
    }),
  );
  for (const s of parsed.sectionSummaries) {
    statements.push(
      ctx.db.insert(documentSummaries).values({
        documentId,
        scope: s.section,
        heading: s.heading,
        lines: s.lines,
        source: 'extractive',
        updatedAt: now,
      }),
    );
  }
  return statements;
}

async function publishTo(ctx: ServiceContext, documentId: number, unitIds: number[], now: Date) {
  if (unitIds.length === 0) return;
  await ctx.db
    .insert(documentUnits)
    .values(unitIds.map((unitId) => ({ documentId, unitId, publishedAt: now })))
    .onConflictDoNothing();
}
