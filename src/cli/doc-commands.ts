import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Services } from '../services';
import { isServiceError } from '../services/errors';
import type { CliFlags, CliOutput } from './run-command';
import { UsageError } from './run-command';
import { docText, documentKindNames } from './messages';
import { DocumentFileError, readDocumentFile } from './read-document-file';

const actor = 'cli';
const summaryLinesFile = z.array(z.object({ text: z.string().min(1), section: z.string().min(1) })).min(1);

function documentId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1) throw new UsageError(docText.needId);
  return id;
}

/** `doc …` commands: import, list, show, search, coverage, summaries. Returns the exit code. */
export async function runDocCommand(args: string[], flags: CliFlags, services: Services, io: CliOutput): Promise<number> {
  const [sub, arg, ...rest] = args;
  const print = (value: unknown, text: () => string) => io.out(flags.json ? JSON.stringify(value, null, 2) : text());
  try {
    switch (sub) {
      case 'import': {
        if (!arg) throw new UsageError(docText.needFile);
        const text = await readDocumentFile(arg);
        const unitCodes = flags.unit ? flags.unit.split(',').map((c) => c.trim()).filter(Boolean) : [];
        const result = await services.importDocument(
          { text, sourceName: arg.split(/[\\/]/).pop() ?? arg, unitCodes, replace: flags.replace ?? false },
          actor,
        );
        const p = result.parsed;
        print(
          {
            id: result.documentId,
            status: result.status,
            kind: p.kind,
            number: p.number,
            title: p.title,
            issuer: p.issuer,
            place: p.place,
            issuedAt: p.issuedAt,
            signer: p.signer,
            sections: p.sections.map((s) => ({ path: s.path, heading: s.heading, text: s.text })),
            targets: p.targets,
            references: p.references.map((r) => ({ number: r.number, date: r.date })),
            footnotes: p.footnotes,
            summary: p.summary,
          },
          () => docText.imported({ id: result.documentId, status: result.status, number: p.number, title: p.title, sections: p.sections.length, targets: p.targets.length, references: p.references.length }),
        );
        return 0;
      }
      case 'list': {
        const docs = await services.listDocuments(undefined, actor);
        print(docs, () =>
          docs.length === 0
            ? docText.noDocuments
            : docs.map((d) => `${d.id}\t${d.number ?? '—'}\t${documentKindNames[d.kind]}\t${d.issued_at ?? ''}\t${d.title ?? ''}`).join('\n'),
        );
        return 0;
      }
      case 'show': {
        const d = await services.getDocumentDetails({ documentId: documentId(arg) }, actor);
        print(d, () => docText.details(d));
        return 0;
      }
      case 'search': {
        const query = [arg, ...rest].filter(Boolean).join(' ');
        if (!query) throw new UsageError(docText.needQuery);
        const hits = await services.searchDocuments({ query, limit: 10 }, actor);
        print(hits, () =>
          hits.length === 0 ? docText.noHits(query) : hits.map((h) => `${h.documentNumber ?? h.documentId} · mục ${h.sectionPath}\n  ${h.text}`).join('\n'),
        );
        return 0;
      }
      case 'coverage': {
        const rows = await services.studyCoverage({ documentId: documentId(arg), withinUnitCode: flags.unit }, actor);
        print(rows, () => docText.coverage(rows));
        return 0;
      }
      case 'summaries': {
        const summaries = await services.listSummaries({ documentId: documentId(arg) }, actor);
        print(summaries, () => docText.summaries(summaries));
        return 0;
      }
      case 'approve': {
        const { approved } = await services.approveSummary({ documentId: documentId(arg), scope: flags.scope }, actor);
        print({ approved }, () => docText.approved(approved));
        return 0;
      }
      case 'propose-summary': {
        const lines = await services.proposeSummaryWithModel({ documentId: documentId(arg), scope: flags.scope ?? 'document' }, actor);
        print(lines, () => docText.proposed(lines.length));
        return 0;
      }
      case 'edit-summary': {
        if (!flags.scope || !flags.lines) throw new UsageError(docText.needScopeAndLines);
        const parsed = summaryLinesFile.safeParse(JSON.parse(await readFile(flags.lines, 'utf8')));
        if (!parsed.success) {
          io.err(docText.badLinesFile);
          return 1;
        }
        await services.editSummary({ documentId: documentId(arg), scope: flags.scope, lines: parsed.data }, actor);
        print({ ok: true }, () => docText.edited);
        return 0;
      }
      default:
        throw new UsageError(docText.unknown(sub ?? ''));
    }
  } catch (error) {
    if (error instanceof DocumentFileError) {
      io.err(docText.fileError[error.code](error.file));
      return 1;
    }
    if (isServiceError(error)) {
      const message = docText.serviceError[error.code as keyof typeof docText.serviceError];
      if (!message) throw error;
      io.err(typeof message === 'function' ? message(error.details ?? {}, error.message) : message);
      return 1;
    }
    throw error;
  }
}
