import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { importMembers } from '../members/import-members';
import { importUnits } from '../units/import-units';
import { demoMembersTable, demoUnitsTable } from './demo-roster';
import { seedDemoActivity } from './seed-demo-activity';

/** Seeds the demo bloc and six months of its meetings when there are no units yet; returns whether it did. */
export async function seedDemoIfEmpty({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const [row] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM units`);
  if (Number(row?.n ?? 0) > 0) return false;
  await importUnits({ ctx, input: demoUnitsTable() });
  await importMembers({ ctx, input: demoMembersTable() });
  await seedDemoActivity({ ctx });
  return true;
}
