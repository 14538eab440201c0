import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { units } from './units';

// The kinds the text pipeline recognises are the kinds the database stores.
import { type DocumentKind, documentKinds } from '../../documents/types';

export { type DocumentKind, documentKinds };

/** An imported document (nghị quyết, kế hoạch …) with its metadata and normalised body. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: documentKinds }).notNull(),
    number: text('number'),
    title: text('title'),
    issuer: text('issuer'),
    place: text('place'),
    issuedAt: text('issued_at'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    recipients: text('recipients', { mode: 'json' }).$type<string[]>().notNull(),
    statistics: text('statistics', { mode: 'json' }).$type<{ text: string; section: string }[]>().notNull(),
    sourceName: text('source_name').notNull(),
    contentHash: text('content_hash').notNull(),
    body: text('body').notNull(),
    /** The text as imported (NFC), so later steps (quiz drafts, re-parsing) see what the parser saw. */
    sourceText: text('source_text').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('documents_content_hash_idx').on(t.contentHash), index('documents_number_idx').on(t.number)],
);

export const documentSections = sqliteTable(
  'document_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    path: text('path').notNull(),
    heading: text('heading').notNull(),
    level: integer('level').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('document_sections_document_id_ordinal_idx').on(t.documentId, t.ordinal)],
);

/** Searchable chunks of section text; `folded` (no diacritics) feeds the FTS5 index. */
export const documentPassages = sqliteTable(
  'document_passages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sectionPath: text('section_path').notNull(),
    text: text('text').notNull(),
    folded: text('folded').notNull(),
  },
  (t) => [index('document_passages_document_id_idx').on(t.documentId)],
);

export const documentTargets = sqliteTable(
  'document_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    sectionPath: text('section_path').notNull(),
    text: text('text').notNull(),
    values: text('values', { mode: 'json' }).$type<unknown[]>().notNull(),
  },
  (t) => [index('document_targets_document_id_idx').on(t.documentId)],
);

/** Citations of other documents; resolved to imported documents by number at query time. */
export const documentReferences = sqliteTable(
  'document_references',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    date: text('date'),
    kind: text('kind'),
  },
  (t) => [index('document_references_document_id_idx').on(t.documentId), index('document_references_number_idx').on(t.number)],
);

export const documentFootnotes = sqliteTable('document_footnotes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  documentId: integer('document_id')
    .notNull()
    .references(() => documents.id, { onDelete: 'cascade' }),
  marker: text('marker').notNull(),
  text: text('text').notNull(),
  sectionPath: text('section_path'),
});

export const summaryStatuses = ['draft', 'approved'] as const;
export type SummaryStatus = (typeof summaryStatuses)[number];
export type SummaryLine = { text: string; section: string };

/** One summary per document ("document" scope) and per main section (scope = section path). */
export const documentSummaries = sqliteTable(
  'document_summaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    heading: text('heading').notNull(),
    lines: text('lines', { mode: 'json' }).$type<SummaryLine[]>().notNull(),
    status: text('status', { enum: summaryStatuses }).notNull().default('draft'),
    source: text('source', { enum: ['extractive', 'model', 'edited'] }).notNull(),
    approvedBy: text('approved_by'),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('document_summaries_document_id_scope_idx').on(t.documentId, t.scope)],
);

/** Which units a document is published to (members of the unit and every unit below it). */
export const documentUnits = sqliteTable(
  'document_units',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.unitId] }), index('document_units_unit_id_idx').on(t.unitId)],
);

/** Study progress of one member on one document: received → opened → confirmed (học tập, quán triệt). */
export const documentStudy = sqliteTable(
  'document_study',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.memberId] }), index('document_study_member_id_idx').on(t.memberId)],
);
