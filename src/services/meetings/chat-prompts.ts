import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

const promptTtlMs = 30 * 60_000;

/** Remembers (in the database) that the bot asked this account for a typed answer. */
export async function setChatPrompt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** `ttlMs`: how long the answer is awaited (30 minutes unless a notice asks for longer). */
  input: { channel: string; externalId: string; kind: string; data: Record<string, unknown>; ttlMs?: number };
}): Promise<void> {
  const expires = ctx.clock.now().getTime() + (input.ttlMs ?? promptTtlMs);
  await ctx.db.run(sql`
    INSERT INTO chat_prompts (channel, external_id, kind, data, expires_at) VALUES (${input.channel}, ${input.externalId}, ${input.kind}, ${JSON.stringify(input.data)}, ${expires})
    ON CONFLICT (channel, external_id) DO UPDATE SET kind = excluded.kind, data = excluded.data, expires_at = excluded.expires_at`);
}

/** The open prompt for this account, if it has not expired. */
export async function getChatPrompt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: string; externalId: string };
}): Promise<{ kind: string; data: Record<string, unknown> } | null> {
  const [row] = await ctx.db.all<{ kind: string; data: string; expires_at: number }>(sql`
    SELECT kind, data, expires_at FROM chat_prompts WHERE channel = ${input.channel} AND external_id = ${input.externalId}`);
  if (!row || Number(row.expires_at) < ctx.clock.now().getTime()) return null;
  return { kind: row.kind, data: JSON.parse(row.data) as Record<string, unknown> };
}

/** Removes the prompt; true only for the one caller that removed it (a double tap gets false). */
export async function clearChatPrompt({ ctx, input }: { ctx: ServiceContext; input: { channel: string; externalId: string } }): Promise<boolean> {
  const result = await ctx.db.run(sql`DELETE FROM chat_prompts WHERE channel = ${input.channel} AND external_id = ${input.externalId}`);
  return result.rowsAffected > 0;
}
