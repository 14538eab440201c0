import { z } from 'zod';
import type { MeetingRules } from './services/meetings/meeting-rules';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const days = z
  .string()
  .regex(/^[1-9]\d*$/, 'must be a whole number of days')
  .transform(Number)
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().trim().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/chibo.db')
      .refine((v) => /^(file:|libsql:|https?:|wss?:)/.test(v), 'must start with file:, libsql:, http(s): or ws(s):'),
    DATABASE_AUTH_TOKEN: optionalText,
    DATABASE_SYNC_URL: optionalText.pipe(
      z
        .string()
        .refine((v) => /^(libsql:|https?:|wss?:)/.test(v), 'must be a libSQL server URL (libsql:, http(s): or ws(s):)')
        .optional(),
    ),
    DATABASE_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    TELEGRAM_BOT_TOKEN: optionalText.pipe(
      z.string().regex(/^\d+:[\w-]+$/, 'does not look like a BotFather token (digits:letters)').optional(),
    ),
    TELEGRAM_BOT_USERNAME: optionalText.pipe(
      z.string().regex(/^@?[A-Za-z][\w]{3,}$/, 'must be the bot username, e.g. chibo_bot').optional(),
    ),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
    ),
    ZALO_BOT_TOKEN: optionalText.pipe(z.string().regex(/^\d+:[\w-]+$/, 'does not look like a Zalo bot token (digits:letters)').optional()),
    ZALO_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
    ),
    ZALO_API_ROOT: z.url().default('https://bot-api.zaloplatforms.com'),
    PUBLIC_URL: optionalText.pipe(z.url().optional()),
    MEMBER_LINK_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional()),
    INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
    WORKER_OUTBOX_SLICE: z.coerce.number().int().min(1).max(3000).default(12),
    SUMMARY_API_URL: optionalText.pipe(z.url().optional()),
    SUMMARY_API_KEY: optionalText,
    SUMMARY_MODEL: z.string().trim().default('gpt-4o-mini'),
    RETENTION_FEEDBACK_COMMENT_DAYS: optionalText.pipe(days),
    RETENTION_QUIZ_ANSWER_DAYS: optionalText.pipe(days),
    MEETING_RULES: optionalText.pipe(
      z
        .string()
        .transform((v, ctx) => {
          try {
            return JSON.parse(v) as unknown;
          } catch {
            ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"thematicEveryMonths":3}' });
            return z.NEVER;
          }
        })
        .pipe(
          z
            .object({
              regularEveryMonths: z.number().int().min(1).max(12),
              thematicEveryMonths: z.number().int().min(1).max(12),
              committeeEveryMonths: z.number().int().min(1).max(12),
              partyCommitteeEveryMonths: z.number().int().min(1).max(12),
              warnFromDay: z.number().int().min(1).max(28),
              reminderHours: z.array(z.number().positive()).min(1),
              nudgeHours: z.array(z.number().positive()).min(1),
              feedbackAfterHours: z.number().positive(),
              ratingCriteria: z.array(z.string().trim().min(2).max(60)).min(1).max(8),
            })
            .partial()
            .strict(),
        )
        .optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.DATABASE_SYNC_URL && !c.DATABASE_URL.startsWith('file:')) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'must be a file: URL (the local replica) when DATABASE_SYNC_URL is set' });
    }
    if (c.PUBLIC_URL && c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when PUBLIC_URL is set (webhook mode)',
      });
    }
    if (c.PUBLIC_URL && c.ZALO_BOT_TOKEN && !c.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when PUBLIC_URL is set (webhook mode)' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Node only: DATABASE_URL is an embedded replica of this libSQL server (reads local, writes remote). */
  databaseReplica?: { syncUrl: string; syncIntervalSeconds: number };
  seedDemo: boolean;
  inviteTtlHours: number;
  /** Workers only: outbox messages sent per channel per one-minute Cron Trigger. */
  workerOutboxSlice: number;
  publicUrl?: string;
  /** Signs member page links; unset: a random secret generated once and kept in the database. */
  memberLinkSecret?: string;
  /** Overrides of the default meeting frequencies and schedules (provinces set their own). */
  meetingRules: Partial<Omit<MeetingRules, 'ratingLevels'>>;
  /** How long personal free text and answer detail are kept (unset: kept). */
  retention: { feedbackCommentDays?: number; quizAnswerDays?: number };
  /** Optional OpenAI-compatible endpoint that proposes summary wording. */
  summariser?: { baseUrl: string; apiKey?: string; model: string };
  telegram: {
    token?: string;
    username?: string;
    apiRoot: string;
    webhookSecret?: string;
  };
  /** Zalo Bot Platform: on when a token is set; webhook at /webhook/zalo when a secret is set too. */
  zalo: {
    token?: string;
    apiRoot: string;
    webhookSecret?: string;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; a bad or missing variable is named in the message. */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    databaseAuthToken: c.DATABASE_AUTH_TOKEN,
    databaseReplica: c.DATABASE_SYNC_URL ? { syncUrl: c.DATABASE_SYNC_URL, syncIntervalSeconds: c.DATABASE_SYNC_INTERVAL_SECONDS } : undefined,
    seedDemo: c.SEED_DEMO,
    inviteTtlHours: c.INVITE_TTL_HOURS,
    workerOutboxSlice: c.WORKER_OUTBOX_SLICE,
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    memberLinkSecret: c.MEMBER_LINK_SECRET,
    meetingRules: c.MEETING_RULES ?? {},
    retention: { feedbackCommentDays: c.RETENTION_FEEDBACK_COMMENT_DAYS, quizAnswerDays: c.RETENTION_QUIZ_ANSWER_DAYS },
    summariser: c.SUMMARY_API_URL ? { baseUrl: c.SUMMARY_API_URL, apiKey: c.SUMMARY_API_KEY, model: c.SUMMARY_MODEL } : undefined,
    telegram: {
      token: c.TELEGRAM_BOT_TOKEN,
      username: c.TELEGRAM_BOT_USERNAME?.replace(/^@/, ''),
      apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      webhookSecret: c.TELEGRAM_WEBHOOK_SECRET,
    },
    zalo: { token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_API_ROOT.replace(/\/+$/, ''), webhookSecret: c.ZALO_WEBHOOK_SECRET },
  };
}
