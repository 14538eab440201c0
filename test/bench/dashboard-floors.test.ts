import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floorQueries } from '../../bench/dashboard';
import { generateProvince } from '../../bench/province-data';
import type { Database } from '../../src/db/client';
import { migrateDatabase, openDatabase } from '../../src/db/open-node';
import { createServices } from '../../src/services';
import { dashboardPeriods } from '../../src/services/dashboard/periods';
import { adminViewer, type DashboardViewer, loadMemberViewer } from '../../src/services/dashboard/viewer';
import { defaultMeetingRules as rules } from '../../src/services/meetings/meeting-rules';

// bench/dashboard.ts holds each page to a hand-written floor; a floor that computes something
// else than the page is no floor. These compare the floors' figures with the pages' on a small
// generated province, for the figures where the two are computed most differently.

const now = new Date('2026-03-25T03:00:00Z');
let dir: string;
let client: Client;
let db: Database;
let services: ReturnType<typeof createServices>;
let viewers: [string, DashboardViewer][];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chibo-floors-'));
  ({ client, db } = await openDatabase(`file:${join(dir, 'province.db')}`));
  await migrateDatabase(db);
  await generateProvince(client, { scale: 0.005, now });
  const clock = { now: () => now };
  services = createServices({ db, clock });
  const ctx = { db, clock, actor: 'test' };
  const [secretary] = await db.all<{ id: number }>(sql`SELECT id FROM members WHERE role = 'secretary' ORDER BY id LIMIT 1`);
  const [party] = await db.all<{ id: number }>(sql`SELECT id FROM units WHERE kind = 'dang_bo_co_so' ORDER BY id LIMIT 1`);
  const [officer] = await db.all<{ id: number }>(sql`
    INSERT INTO members (code, full_name, unit_id, role, status, created_at, updated_at)
    VALUES ('FLOOR-UV', 'Ủy viên thử', ${party!.id}, 'committee_member', 'full', ${now.getTime()}, ${now.getTime()}) RETURNING id`);
  viewers = [
    ['admin', adminViewer],
    ['committee', (await loadMemberViewer(ctx, officer!.id))!],
    ['secretary', (await loadMemberViewer(ctx, secretary!.id))!],
  ];
}, 120_000);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const values = (row: Record<string, unknown>) => Object.values(row);

describe('dashboard floors compute what the pages show', () => {
  it('ranks contest entrants as the contest page does', async () => {
    const contests = await db.all<{ id: number; set_id: number }>(sql`SELECT id, set_id FROM contests ORDER BY id`);
    expect(contests.length).toBeGreaterThan(0);
    for (const [who, viewer] of viewers) {
      for (const contest of contests) {
        const page = await services.scopedLeaderboard({ viewer, contestId: contest.id });
        const floor = await db.all<Record<string, unknown>>(floorQueries(viewer, dashboardPeriods(now), contest).leaderboard[1]!);
        if (who === 'admin') expect(page.rows.length).toBeGreaterThan(10);
        expect([who, floor.map((r) => r.full_name)]).toEqual([who, page.rows.map((r) => r.fullName)]);
        expect([who, Number(values(floor[0] ?? {}).at(-1) ?? 0)]).toEqual([who, page.entrants]);
      }
    }
  });

  it('counts each current document’s members due and confirmations as the overview does', async () => {
    for (const [who, viewer] of viewers) {
      const page = await services.dashboardOverview({ viewer, rules });
      expect(page.documents.some((d) => d.due > 0 && d.confirmed > 0)).toBe(true);
      const floor = await db.all<Record<string, unknown>>(floorQueries(viewer, dashboardPeriods(now), { id: 0, set_id: 0 }).overview[2]!);
      const figures = floor.map((r) => values(r)).map(([id, , due, confirmed]) => [Number(id), Number(due ?? 0), Number(confirmed ?? 0)]);
      expect([who, figures]).toEqual([who, page.documents.map((d) => [d.documentId, d.due, d.confirmed])]);
    }
  });

  it('groups by type of grassroots organisation as the units page does', async () => {
    for (const [who, viewer] of viewers) {
      const page = await services.unitBreakdown({ viewer, rules });
      expect(page.byType.length).toBeGreaterThan(0);
      const floor = await db.all<Record<string, unknown>>(floorQueries(viewer, dashboardPeriods(now), { id: 0, set_id: 0 }).units[1]!);
      const types = floor
        .map((r) => values(r))
        .filter(([kind]) => kind === 'type')
        .map(([, type, organisations, members]) => [type, Number(organisations), Number(members)]);
      const sort = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect([who, sort(types)]).toEqual([who, sort(page.byType.map((t) => [t.type, t.organisations, t.rates.members]))]);
    }
  });
});
