import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../src/config';

describe('createConfig', () => {
  it('runs with nothing set: embedded database, bot off, polling', () => {
    const config = createConfig({});
    expect(config.databaseUrl).toBe('file:./data/chibo.db');
    expect(config.port).toBe(3000);
    expect(config.telegram.token).toBeUndefined();
    expect(config.telegram.apiRoot).toBe('https://api.telegram.org');
  });

  it('names each bad variable', () => {
    expect(() => createConfig({ PORT: 'eighty', TELEGRAM_BOT_TOKEN: 'nope' })).toThrow(ConfigError);
    const error = (() => {
      try {
        createConfig({ PORT: 'eighty', TELEGRAM_BOT_TOKEN: 'nope', DATABASE_URL: 'postgres://x' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('PORT');
    expect(error?.message).toContain('TELEGRAM_BOT_TOKEN');
    expect(error?.message).toContain('DATABASE_URL');
  });

  it('reads meeting rule overrides as JSON and names a bad one', () => {
    expect(createConfig({ MEETING_RULES: '{"thematicEveryMonths":3}' }).meetingRules).toEqual({ thematicEveryMonths: 3 });
    expect(() => createConfig({ MEETING_RULES: '{"thematicEveryMonths":0}' })).toThrow(/MEETING_RULES/);
    expect(() => createConfig({ MEETING_RULES: 'quarterly' })).toThrow(/must be JSON/);
  });

  it('requires a webhook secret in webhook mode', () => {
    expect(() => createConfig({ TELEGRAM_BOT_TOKEN: '1:abc', PUBLIC_URL: 'https://x.example' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
    const ok = createConfig({
      TELEGRAM_BOT_TOKEN: '1:abc',
      PUBLIC_URL: 'https://x.example/',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret',
      TELEGRAM_BOT_USERNAME: '@chibo_bot',
    });
    expect(ok.publicUrl).toBe('https://x.example');
    expect(ok.telegram.username).toBe('chibo_bot');
  });

  it('reads an embedded replica only over a local file, naming a bad setting', () => {
    const replica = createConfig({ DATABASE_URL: 'file:./data/replica.db', DATABASE_SYNC_URL: 'libsql://chibo-org.turso.io' });
    expect(replica.databaseReplica).toEqual({ syncUrl: 'libsql://chibo-org.turso.io', syncIntervalSeconds: 15 });
    expect(createConfig({}).databaseReplica).toBeUndefined();
    expect(() => createConfig({ DATABASE_URL: 'libsql://a.turso.io', DATABASE_SYNC_URL: 'libsql://b.turso.io' })).toThrow(/DATABASE_URL: must be a file: URL/);
    expect(() => createConfig({ DATABASE_SYNC_URL: 'file:./other.db' })).toThrow(/DATABASE_SYNC_URL/);
  });

  it('bounds the outbox slice a Worker sends per trigger', () => {
    expect(createConfig({}).workerOutboxSlice).toBe(12);
    expect(createConfig({ WORKER_OUTBOX_SLICE: '300' }).workerOutboxSlice).toBe(300);
    expect(() => createConfig({ WORKER_OUTBOX_SLICE: '0' })).toThrow(/WORKER_OUTBOX_SLICE/);
  });
});
