import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Services } from '../services';
import { isServiceError } from '../services/errors';
import { ImportRejectedError } from '../services/roster/table';
import { parseQuizFile, type QuizFileProblem } from '../services/quizzes/parse-quiz-file';
import type { QuizSetInput } from '../services/quizzes/quiz-set-schema';
import { quizText } from './messages';
import { readTable } from './read-table';
import type { CliFlags, CliOutput } from './run-command';
import { UsageError } from './run-command';

const actor = 'cli';
const defaultQuizDir = fileURLToPath(new URL('../../quizzes', import.meta.url));

async function quizFiles(args: string[]): Promise<string[]> {
  if (args.length > 0) return args;
  const names = await readdir(defaultQuizDir);
  return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => join(defaultQuizDir, n));
}

async function loadAll(files: string[]): Promise<{ sets: QuizSetInput[]; problems: QuizFileProblem[] }> {
  const sets: QuizSetInput[] = [];
  const problems: QuizFileProblem[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) {
      problems.push({ file, line: 1, path: '', message: quizText.missingFile });
      continue;
    }
    const result = parseQuizFile(basename(file), text);
    problems.push(...result.problems.map((p) => ({ ...p, file })));
    if (result.set) sets.push(result.set);
  }
  const seen = new Map<string, string>();
  for (const [i, s] of sets.entries()) {
    if (seen.has(s.id)) problems.push({ file: files[i] ?? '', line: 1, path: 'id', message: quizText.duplicateSet(s.id, seen.get(s.id)!) });
    seen.set(s.id, files[i] ?? '');
  }
  return { sets, problems };
}

/** Vietnam time unless the value names its own zone: "2026-12-01 08:00" → 01:00Z. */
export function parseVietnamTime(raw: string | undefined): Date {
  if (!raw) throw new UsageError(quizText.needTimes);
  const iso = raw.trim().replace(' ', 'T');
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso.length === 10 ? `${iso}T00:00` : iso}+07:00`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) throw new UsageError(quizText.badTime(raw));
  return date;
}

/** `quiz …` and `contest …` commands. Returns the exit code. */
export async function runQuizCommand(group: 'quiz' | 'contest', args: string[], flags: CliFlags, services: Services, io: CliOutput): Promise<number> {
  const [sub, ...rest] = args;
  const print = (value: unknown, text: () => string) => io.out(flags.json ? JSON.stringify(value, null, 2) : text());
  try {
    switch (`${group} ${sub ?? ''}`) {
      case 'quiz validate':
      case 'quiz import': {
        const files = await quizFiles(rest);
        const { sets, problems } = await loadAll(files);
        if (problems.length > 0) {
          io.err(quizText.problems(problems.length));
          for (const p of problems) io.err(`  ${p.file}:${p.line}${p.path ? ` (${p.path})` : ''} — ${p.message}`);
          if (flags.json) io.out(JSON.stringify({ ok: false, problems }, null, 2));
          return 1;
        }
        if (sub === 'validate') {
          print({ ok: true, sets: sets.map((s) => ({ id: s.id, questions: s.questions.length })) }, () => quizText.valid(sets.length, sets.reduce((n, s) => n + s.questions.length, 0)));
          return 0;
        }
        const results: Awaited<ReturnType<Services['importQuizSet']>>[] = [];
        // --unit publishes every set to those units (besides following its document).
        const units = flags.unit ? flags.unit.split(',').map((c) => c.trim()) : undefined;
        for (const set of sets) results.push(await services.importQuizSet({ set: units ? { ...set, units } : set }, actor));
        print(results, () => results.map((r) => quizText.imported(r)).join('\n'));
        return 0;
      }
      case 'quiz import-bank': {
        const [file] = rest;
        if (!file || !flags.set || !flags.title) throw new UsageError(quizText.needBankArgs);
        const table = await readTable(file);
        const unitCodes = flags.unit ? flags.unit.split(',').map((c) => c.trim()) : undefined;
        const r = await services.importQuestionBank({ table, slug: flags.set, title: flags.title, documentNumber: flags.document, unitCodes }, actor);
        print(r, () => quizText.imported(r));
        return 0;
      }
      case 'quiz drafts': {
        const documentId = Number(rest[0]);
        if (!Number.isInteger(documentId) || documentId < 1) throw new UsageError(quizText.needDocumentId);
        const r = await services.draftQuizFromDocument({ documentId, slug: flags.set }, actor);
        print(r, () => quizText.drafted(r));
        return 0;
      }
      case 'quiz approve': {
        const [slug] = rest;
        if (!slug) throw new UsageError(quizText.needSet);
        const keys = flags.question ? flags.question.split(',').map((k) => k.trim()) : undefined;
        const r = await services.approveQuestions({ slug, keys }, actor);
        print(r, () => quizText.approved(r.approved));
        return 0;
      }
      case 'quiz stats': {
        const [slug] = rest;
        if (!slug) throw new UsageError(quizText.needSet);
        const stats = await services.questionStats({ setSlug: slug }, actor);
        print(stats, () => quizText.stats(stats));
        return 0;
      }
      case 'quiz results': {
        const [slug] = rest;
        if (!slug) throw new UsageError(quizText.needSet);
        const r = await services.quizResults({ setSlug: slug, unitCode: flags.unit }, actor);
        print(r, () => quizText.results(r.perUnit));
        return 0;
      }
      case 'contest create': {
        if (!flags.slug || !flags.title || !flags.set) throw new UsageError(quizText.needContestArgs);
        const r = await services.createContest(
          {
            slug: flags.slug,
            title: flags.title,
            setSlug: flags.set,
            opensAt: parseVietnamTime(flags.opens),
            closesAt: parseVietnamTime(flags.closes),
            attemptsAllowed: flags.attempts ? Number(flags.attempts) : 1,
            askPrediction: flags.prediction ?? false,
            unitCodes: flags.unit ? flags.unit.split(',').map((c) => c.trim()) : [],
          },
          actor,
        );
        print(r, () => quizText.contestCreated(r.contestId));
        return 0;
      }
      case 'contest leaderboard': {
        const id = Number(rest[0]);
        if (!Number.isInteger(id) || id < 1) throw new UsageError(quizText.needContestId);
        const board = await services.contestLeaderboard({ contestId: id, unitCode: flags.unit }, actor);
        print(board, () => quizText.leaderboard(board));
        return 0;
      }
      case 'contest stats': {
        const id = Number(rest[0]);
        if (!Number.isInteger(id) || id < 1) throw new UsageError(quizText.needContestId);
        const rows = await services.contestWeeklyStats({ contestId: id }, actor);
        print(rows, () => quizText.weekly(rows));
        return 0;
      }
      default:
        throw new UsageError(quizText.unknown(`${group} ${sub ?? ''}`));
    }
  } catch (error) {
    // Bad rows are listed by the shared import error handler.
    if (error instanceof ImportRejectedError) throw error;
    if (isServiceError(error, 'not_found') || isServiceError(error, 'invalid_input')) {
      io.err(quizText.serviceError(error.code, error.details ?? {}));
      return 1;
    }
    throw error;
  }
}
