import { sql } from 'drizzle-orm';
import { invites } from '../../db/schema';
import { auditStatement } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { listMembers } from '../members/list-members';
import { newInviteCode } from './invite-code';

export interface CreatedInvite {
  memberCode: string;
  fullName: string;
  unitCode: string;
  code: string;
  expiresAt: Date;
}

/**
 * One-time invite codes for one member, or for every member of a unit (and
 * the units below it) who has not linked Telegram yet.
 */
export async function createInvites({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { memberCode?: string; unitCode?: string; ttlHours: number };
}): Promise<{ invites: CreatedInvite[]; alreadyLinked: number }> {
  if (!input.memberCode === !input.unitCode) {
    throw new ServiceError('invalid_input', 'give exactly one of memberCode or unitCode');
  }
  let targets: { code: string; fullName: string; unitCode: string; telegramLinked: boolean }[];
  if (input.unitCode) {
    targets = await listMembers({ ctx, input: { unitCode: input.unitCode } });
  } else {
    const rows = await ctx.db.all<{ code: string; full_name: string; unit_code: string; linked: number }>(sql`
      SELECT m.code, m.full_name, u.code AS unit_code,
        EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id AND a.channel = 'telegram') AS linked
      FROM members m JOIN units u ON u.id = m.unit_id WHERE m.code = ${input.memberCode}`);
    const row = rows[0];
    if (!row) throw new ServiceError('not_found', 'member not found', { member: input.memberCode });
    targets = [{ code: row.code, fullName: row.full_name, unitCode: row.unit_code, telegramLinked: Boolean(row.linked) }];
  }
  // A single named member gets a code even if linked (to move to a new phone after unlinking).
  const wanted = input.memberCode ? targets : targets.filter((t) => !t.telegramLinked);
  const alreadyLinked = targets.length - wanted.length;
  if (wanted.length === 0) return { invites: [], alreadyLinked };

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000);
  const created = wanted.map((t) => ({ memberCode: t.code, fullName: t.fullName, unitCode: t.unitCode, code: newInviteCode(), expiresAt }));
  const statements = created.map((c) =>
    ctx.db.insert(invites).values({
      code: c.code,
      memberId: sql`(SELECT id FROM members WHERE code = ${c.memberCode})`,
      expiresAt,
      createdAt: now,
    }),
  );
  await ctx.db.batch([
    ...(statements as [(typeof statements)[number], ...typeof statements]),
    auditStatement(ctx, {
      action: 'invites.create',
      entity: input.memberCode ? 'member' : 'unit',
      entityId: input.memberCode ?? input.unitCode,
      details: { count: created.length },
    }),
  ]);
  return { invites: created, alreadyLinked };
}
