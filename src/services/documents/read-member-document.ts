import { sql } from 'drizzle-orm';
import type { DocumentKind, SummaryLine } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { memberMayRead } from './document-access';

export interface SectionEntry {
  ordinal: number;
  path: string;
  heading: string;
  level: number;
}

export interface MemberDocumentView {
  id: number;
  kind: DocumentKind;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedAt: string | null;
  /** Approved whole-document summary; null while committee staff have not approved it. */
  summary: SummaryLine[] | null;
  mainSections: SectionEntry[];
  confirmed: boolean;
}

async function assertReadable(ctx: ServiceContext, memberId: number, documentId: number) {
  const [row] = await ctx.db.all<{ ok: number }>(sql`SELECT ${memberMayRead(memberId, sql`${documentId}`)} AS ok`);
  if (!row?.ok) throw new ServiceError('not_found', 'document not visible to this member');
}

/** Opens a document for a member (records "opened") with its approved summary and main sections. */
export async function openMemberDocument({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; documentId: number };
}): Promise<MemberDocumentView> {
  await assertReadable(ctx, input.memberId, input.documentId);
  const now = ctx.clock.now().getTime();
  await ctx.db.run(sql`
    INSERT INTO document_study (document_id, member_id, received_at, opened_at) VALUES (${input.documentId}, ${input.memberId}, ${now}, ${now})
    ON CONFLICT (document_id, member_id) DO UPDATE SET opened_at = coalesce(opened_at, excluded.opened_at)`);
  const [doc] = await ctx.db.all<{
    id: number;
    kind: DocumentKind;
    number: string | null;
    title: string | null;
    issuer: string | null;
    issued_at: string | null;
    summary: string | null;
    confirmed: number;
  }>(sql`
    SELECT d.id, d.kind, d.number, d.title, d.issuer, d.issued_at,
      (SELECT lines FROM document_summaries s WHERE s.document_id = d.id AND s.scope = 'document' AND s.status = 'approved') AS summary,
      EXISTS (SELECT 1 FROM document_study st WHERE st.document_id = d.id AND st.member_id = ${input.memberId} AND st.confirmed_at IS NOT NULL) AS confirmed
    FROM documents d WHERE d.id = ${input.documentId}`);
  const sections = await ctx.db.all<SectionEntry>(sql`
    SELECT ordinal, path, heading, level FROM document_sections
    WHERE document_id = ${input.documentId} AND level <= 1 ORDER BY ordinal`);
  return {
    id: doc!.id,
    kind: doc!.kind,
    number: doc!.number,
    title: doc!.title,
    issuer: doc!.issuer,
    issuedAt: doc!.issued_at,
    summary: doc!.summary ? (JSON.parse(doc!.summary) as SummaryLine[]) : null,
    mainSections: sections,
    confirmed: Boolean(doc!.confirmed),
  };
}

export interface MemberSectionView {
  documentId: number;
  documentNumber: string | null;
  section: SectionEntry;
  /** Full text of the section and everything under it. */
  text: string;
  summary: SummaryLine[] | null;
  footnotes: { marker: string; text: string }[];
  previous: number | null;
  next: number | null;
}

/** One main section: its approved summary and full text, with the neighbouring main sections. */
export async function readMemberSection({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; documentId: number; ordinal: number };
}): Promise<MemberSectionView> {
  await assertReadable(ctx, input.memberId, input.documentId);
  const all = await ctx.db.all<SectionEntry & { text: string }>(sql`
    SELECT ordinal, path, heading, level, text FROM document_sections WHERE document_id = ${input.documentId} ORDER BY ordinal`);
  const index = all.findIndex((s) => s.ordinal === input.ordinal);
  const section = all[index];
  if (!section) throw new ServiceError('not_found', 'section not found');
  const inside = all.filter((s) => s.path === section.path || s.path.startsWith(`${section.path}.`));
  // The opening text (level 0) and the top-level parts (level 1) are browsed as one row of siblings.
  const mains = all.filter((s) => Math.max(s.level, 1) === Math.max(section.level, 1));
  const at = mains.findIndex((s) => s.ordinal === section.ordinal);
  const [summary] = await ctx.db.all<{ lines: string }>(sql`
    SELECT lines FROM document_summaries WHERE document_id = ${input.documentId} AND scope = ${section.path} AND status = 'approved'`);
  const footnotes = await ctx.db.all<{ marker: string; text: string }>(sql`
    SELECT marker, text FROM document_footnotes WHERE document_id = ${input.documentId}
      AND (section_path = ${section.path} OR section_path LIKE ${`${section.path}.%`}) ORDER BY id`);
  const [doc] = await ctx.db.all<{ number: string | null }>(sql`SELECT number FROM documents WHERE id = ${input.documentId}`);
  return {
    documentId: input.documentId,
    documentNumber: doc?.number ?? null,
    section: { ordinal: section.ordinal, path: section.path, heading: section.heading, level: section.level },
    text: inside.map((s, i) => (i === 0 ? s.text : `${s.heading}\n${s.text}`)).filter(Boolean).join('\n'),
    summary: summary ? (JSON.parse(summary.lines) as SummaryLine[]) : null,
    footnotes,
    previous: mains[at - 1]?.ordinal ?? null,
    next: mains[at + 1]?.ordinal ?? null,
  };
}

/** "Đã học, quán triệt": idempotent, the first confirmation time is kept. */
export async function confirmStudy({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberId: number; documentId: number };
}): Promise<{ alreadyConfirmed: boolean }> {
  await assertReadable(ctx, input.memberId, input.documentId);
  const now = ctx.clock.now().getTime();
  // Only the tap that flips confirmed_at from empty counts; any later tap finds it set.
  const [, confirmed] = await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO document_study (document_id, member_id, received_at, opened_at) VALUES (${input.documentId}, ${input.memberId}, ${now}, ${now})
      ON CONFLICT (document_id, member_id) DO UPDATE SET opened_at = coalesce(opened_at, excluded.opened_at)`),
    ctx.db.run(sql`
      UPDATE document_study SET confirmed_at = ${now}
      WHERE document_id = ${input.documentId} AND member_id = ${input.memberId} AND confirmed_at IS NULL`),
  ]);
  return { alreadyConfirmed: confirmed.rowsAffected === 0 };
}
