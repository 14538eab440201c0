import { sql } from 'drizzle-orm';
import type { Channel, MemberRole, MemberStatus } from '../../db/schema';
import type { ServiceContext } from '../context';

export interface LinkedMember {
  memberId: number;
  code: string;
  fullName: string;
  role: MemberRole;
  status: MemberStatus;
  unitId: number;
  unitCode: string;
  unitName: string;
  chatId: string;
  linkedAt: Date;
}

/** The roster entry a chat account is linked to, or null for a stranger. */
export async function getLinkedMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: Channel; externalId: string };
}): Promise<LinkedMember | null> {
  const [row] = await ctx.db.all<{
    member_id: number;
    code: string;
    full_name: string;
    role: MemberRole;
    status: MemberStatus;
    unit_id: number;
    unit_code: string;
    unit_name: string;
    chat_id: string;
    linked_at: number;
  }>(sql`
    SELECT m.id AS member_id, m.code, m.full_name, m.role, m.status, u.id AS unit_id, u.code AS unit_code,
      u.name AS unit_name, a.chat_id, a.linked_at
    FROM channel_accounts a JOIN members m ON m.id = a.member_id JOIN units u ON u.id = m.unit_id
    WHERE a.channel = ${input.channel} AND a.external_id = ${input.externalId}`);
  if (!row) return null;
  return {
    memberId: row.member_id,
    code: row.code,
    fullName: row.full_name,
    role: row.role,
    status: row.status,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    chatId: row.chat_id,
    linkedAt: new Date(Number(row.linked_at)),
  };
}
