import type { Config } from '../config';
import { migrateDatabase, openDatabase } from '../db/open-node';
import { createServices } from '../services';
import { createOpenAiSummariser } from '../services/documents/model-summariser';
import { systemClock } from '../services/context';
import { isServiceError } from '../services/errors';
import { ImportRejectedError } from '../services/roster/table';
import { formatDateTime } from '../time';
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import { runDocCommand } from './doc-commands';
import { runQuizCommand } from './quiz-commands';
import { cliText, formatProblem, roleNames, statusNames, unitKindNames } from './messages';
import { readTable, TableFileError } from './read-table';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliFlags {
  json?: boolean;
  replace?: boolean;
  scope?: string;
  lines?: string;
  set?: string;
  title?: string;
  document?: string;
  question?: string;
  slug?: string;
  opens?: string;
  closes?: string;
  attempts?: string;
  prediction?: boolean;
  confirm?: boolean;
  admin?: boolean;
  unit?: string;
  member?: string;
  'ttl-hours'?: string;
}

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const actor = 'cli';

/** Runs one admin command against the configured database; returns the exit code. */
export async function runCommand(args: string[], flags: CliFlags, config: Config, io: CliOutput): Promise<number> {
  const [command, sub, file] = args;
  // The database of record: with an embedded replica it is the server the file syncs from, so
  // backup and restore refuse (a restored replica file would be overwritten by the next sync).
  const recordUrl = config.databaseReplica?.syncUrl ?? config.databaseUrl;
  if (command === 'restore') {
    if (!sub) throw new UsageError(cliText.usage);
    try {
      await restoreDatabase(recordUrl, sub);
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.err(cliText.backupError[error.code]);
      return 1;
    }
    io.out(cliText.restored(sub));
    return 0;
  }
  const { client, db } = await openDatabase(config.databaseUrl, config.databaseAuthToken, config.databaseReplica);
  try {
    await migrateDatabase(db);
    const summariser = config.summariser ? createOpenAiSummariser(config.summariser) : undefined;
    const services = createServices({ db, clock: systemClock, summariser, memberLinkSecret: config.memberLinkSecret });
    const print = (value: unknown, text: () => string) => io.out(flags.json ? JSON.stringify(value, null, 2) : text());

    if (command === 'doc') return await runDocCommand(args.slice(1), flags, services, io);
    if (command === 'backup') {
      if (!sub) throw new UsageError(cliText.usage);
      try {
        print({ file: await backupDatabase(db, recordUrl, sub) }, () => cliText.backedUp(sub));
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        io.err(cliText.backupError[error.code]);
        return 1;
      }
      return 0;
    }
    if (command === 'quiz' || command === 'contest') return await runQuizCommand(command, args.slice(1), flags, services, io);
    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'migrate':
        if (!flags.json) io.out(cliText.migrated);
        return 0;
      case 'seed demo': {
        const done = await services.seedDemoIfEmpty(undefined, actor);
        print({ seeded: done }, () => cliText.seeded(done));
        return 0;
      }
      case 'import units':
      case 'import members': {
        if (!file) throw new UsageError(cliText.usage);
        const table = await readTable(file);
        if (sub === 'units') {
          const summary = await services.importUnits(table, actor);
          print(summary, () => cliText.unitsImported(summary));
        } else {
          const summary = await services.importMembers(table, actor);
          print(summary, () => cliText.membersImported(summary));
        }
        return 0;
      }
      case 'units list': {
        const units = await services.listUnits(undefined, actor);
        print(units, () =>
          units
            .map((u) => `${'  '.repeat(u.depth)}${u.code}\t${u.name} (${unitKindNames[u.kind]})\t${u.linked}/${u.members} đã liên kết`)
            .join('\n'),
        );
        return 0;
      }
      case 'units anonymous-feedback': {
        const [, , code, value] = args;
        if (!code || (value !== 'on' && value !== 'off')) throw new UsageError(cliText.usage);
        await services.setAnonymousFeedback({ unitCode: code, anonymous: value === 'on' }, actor);
        print({ ok: true }, () => cliText.anonymousFeedback(code, value === 'on'));
        return 0;
      }
      case 'units guide': {
        const [, , unitCode, memberCode] = args;
        if (!unitCode || !memberCode) throw new UsageError(cliText.usage);
        await services.assignGuide({ unitCode, memberCode }, actor);
        print({ ok: true }, () => cliText.guideAssigned(unitCode, memberCode));
        return 0;
      }
      case 'member export': {
        const [, , code] = args;
        if (!code) throw new UsageError(cliText.usage);
        io.out(JSON.stringify(await services.exportMemberData({ memberCode: code }, actor), null, 2));
        return 0;
      }
      case 'member erase': {
        const [, , code] = args;
        if (!code) throw new UsageError(cliText.usage);
        if (!flags.confirm) {
          io.err(cliText.eraseNeedsConfirm(code));
          return 1;
        }
        const { memberId } = await services.eraseMemberData({ memberCode: code }, actor);
        print({ ok: true, memberId }, () => cliText.erased(code, memberId));
        return 0;
      }
      case 'members list': {
        const members = await services.listMembers({ unitCode: flags.unit }, actor);
        print(members, () =>
          members
            .map(
              (m) =>
                `${m.code}\t${m.fullName}\t${m.unitCode}\t${roleNames[m.role]}\t${statusNames[m.status]}${m.exempt ? '\tmiễn sinh hoạt' : ''}\t${m.telegramLinked ? 'đã liên kết' : 'chưa liên kết'}`,
            )
            .join('\n'),
        );
        return 0;
      }
      case 'invite':
        return await invite(services, flags, config, io);
      case 'dashboard link': {
        if (!flags.admin === !flags.member) throw new UsageError(cliText.usage);
        const link = await services.createSignInLink(flags.member ? { memberCode: flags.member } : { admin: true }, actor);
        const url = `${config.publicUrl ?? `http://localhost:${config.port}`}/dashboard/sign-in?token=${link.token}`;
        print({ url, role: link.role, expiresAt: link.expiresAt }, () => cliText.dashboardLink(url, formatDateTime(link.expiresAt)));
        return 0;
      }
      default:
        throw new UsageError(cliText.unknownCommand(args.join(' ')));
    }
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      io.err(cliText.rejected(error.problems.length));
      for (const p of error.problems) io.err(formatProblem(p));
      if (flags.json) io.out(JSON.stringify({ ok: false, problems: error.problems }, null, 2));
      return 1;
    }
    if (error instanceof TableFileError) {
      io.err(cliText.fileError[error.code](error.file));
      return 1;
    }
    if (isServiceError(error, 'invalid_input')) {
      io.err(cliText.invalid(error.details?.reason));
      return 1;
    }
    if (isServiceError(error, 'forbidden')) {
      io.err(cliText.noDashboardRole);
      return 1;
    }
    if (isServiceError(error, 'not_found')) {
      io.err(cliText.notFound(JSON.stringify(error.details ?? {})));
      return 1;
    }
    throw error;
  } finally {
    client.close();
  }
}

async function invite(services: ReturnType<typeof createServices>, flags: CliFlags, config: Config, io: CliOutput) {
  if (!flags.unit === !flags.member) throw new UsageError(cliText.usage);
  const ttlHours = flags['ttl-hours'] ? Number(flags['ttl-hours']) : config.inviteTtlHours;
  if (!Number.isInteger(ttlHours) || ttlHours < 1) throw new UsageError('--ttl-hours phải là số giờ nguyên dương');
  const { invites, alreadyLinked } = await services.createInvites(
    { memberCode: flags.member, unitCode: flags.unit, ttlHours },
    actor,
  );
  const username = config.telegram.username;
  if (!username) io.err(cliText.noBotUsername);
  const rows = invites.map((i) => ({
    memberCode: i.memberCode,
    fullName: i.fullName,
    unitCode: i.unitCode,
    code: i.code,
    link: `https://t.me/${username ?? '<ten_bot>'}?start=${i.code}`,
    expiresAt: i.expiresAt.toISOString(),
  }));
  if (flags.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    io.err(cliText.noInvites(alreadyLinked));
    return 0;
  }
  const first = rows[0]!;
  if (flags.member) {
    io.out(cliText.inviteOne({ name: first.fullName, code: first.code, link: first.link, expires: formatDateTime(new Date(first.expiresAt)) }));
    return 0;
  }
  const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  io.out('member_code,full_name,unit_code,invite_code,link,expires_at');
  for (const r of rows) io.out([r.memberCode, r.fullName, r.unitCode, r.code, r.link, r.expiresAt].map(csv).join(','));
  return 0;
}
