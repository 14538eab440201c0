import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceErrorCode } from '../../src/services/errors';
import { DAY } from '../helpers/fake-clock';
import { smallRoster, smallTree } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.services.importUnits(smallTree);
  await t.services.importMembers(smallRoster);
});
afterEach(() => t.close());

const codeOf = async (promise: Promise<unknown>): Promise<ServiceErrorCode | 'ok'> =>
  promise.then(
    () => 'ok' as const,
    (e: { code: ServiceErrorCode }) => e.code,
  );

async function inviteFor(memberCode: string, ttlHours = 24) {
  const { invites } = await t.services.createInvites({ memberCode, ttlHours }, 'cli');
  return invites[0]!.code;
}

const tg = (externalId: string, code: string) => ({ channel: 'telegram' as const, code, externalId, chatId: externalId });

describe('invites', () => {
  it('makes one code per unlinked member of a unit subtree', async () => {
    const { invites, alreadyLinked } = await t.services.createInvites({ unitCode: 'CS1', ttlHours: 24 });
    expect(invites.map((i) => i.memberCode).sort()).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(new Set(invites.map((i) => i.code)).size).toBe(4);
    expect(alreadyLinked).toBe(0);
    await t.services.acceptInvite(tg('111', invites[0]!.code));
    const again = await t.services.createInvites({ unitCode: 'CS1', ttlHours: 24 });
    expect(again.invites).toHaveLength(3);
    expect(again.alreadyLinked).toBe(1);
  });

  it('links an account once and greets the right member', async () => {
    const code = await inviteFor('M1');
    const linked = await t.services.acceptInvite(tg('111', code));
    expect(linked).toMatchObject({ fullName: 'Nguyễn Văn An', role: 'secretary', unitCode: 'CB1' });
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '111' })).toMatchObject({ code: 'M1' });
    const [audit] = await t.db.all<{ action: string; details: string }>(
      sql`SELECT action, details FROM audit_log WHERE action = 'account.link'`,
    );
    expect(audit?.details).not.toContain('Nguyễn');
  });

  it('gives a clear reason for unknown, expired, used and someone else’s codes, changing nothing', async () => {
    expect(await codeOf(t.services.checkInvite(tg('111', 'ABCDEFGHJK')))).toBe('invite_unknown');
    expect(await codeOf(t.services.checkInvite(tg('111', 'not a code!')))).toBe('invite_unknown');

    const expiring = await inviteFor('M2', 1);
    t.clock.advance(2 * 3600_000);
    expect(await codeOf(t.services.acceptInvite(tg('222', expiring)))).toBe('invite_expired');

    const code = await inviteFor('M3');
    await t.services.acceptInvite(tg('333', code));
    expect(await codeOf(t.services.acceptInvite(tg('333', code)))).toBe('invite_already_yours');
    expect(await codeOf(t.services.acceptInvite(tg('999', code)))).toBe('invite_used');

    // A second, unused code for M3 cannot hijack M3's link from another account.
    const second = await inviteFor('M3');
    expect(await codeOf(t.services.acceptInvite(tg('999', second)))).toBe('member_linked_elsewhere');
    // An account linked to M3 cannot take M4's code.
    const m4 = await inviteFor('M4');
    expect(await codeOf(t.services.acceptInvite(tg('333', m4)))).toBe('account_linked_to_other_member');

    expect(await t.count('channel_accounts')).toBe(1);
    const [m4Invite] = await t.db.all<{ used_at: number | null }>(sql`SELECT used_at FROM invites WHERE code = ${m4}`);
    expect(m4Invite?.used_at).toBeNull();
  });

  it('lets exactly one of two simultaneous taps on the same code win', async () => {
    const code = await inviteFor('M5');
    const results = await Promise.all([
      codeOf(t.services.acceptInvite(tg('501', code))),
      codeOf(t.services.acceptInvite(tg('502', code))),
    ]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(await t.count('channel_accounts')).toBe(1);
  });

  it('unlinks on request, after which the account is a stranger again', async () => {
    await t.services.acceptInvite(tg('111', await inviteFor('M1')));
    await t.services.unlinkAccount({ channel: 'telegram', externalId: '111' });
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '111' })).toBeNull();
    expect(await codeOf(t.services.unlinkAccount({ channel: 'telegram', externalId: '111' }))).toBe('not_linked');
    t.clock.advance(DAY);
    await t.services.acceptInvite(tg('112', await inviteFor('M1')));
    expect(await t.services.getLinkedMember({ channel: 'telegram', externalId: '112' })).toMatchObject({ code: 'M1' });
  });
});
