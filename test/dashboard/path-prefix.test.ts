import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMemberViewer } from '../../src/services/dashboard/viewer';
import { defaultMeetingRules } from '../../src/services/meetings/meeting-rules';
import { memberId } from '../helpers/dashboard';
import { csv } from '../helpers/tables';
import { createTestDb, type TestDb } from '../helpers/test-db';

// Subtrees are path ranges ("/1/2/" up to "/1/20"): a unit whose id only starts with the
// same digits ("/1/23/") is a neighbour, not a child, and must stay out of the scope.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const fillers = Array.from({ length: 21 }, (_, k) => `D${k + 3},Đảng bộ số ${k + 3},K,đảng bộ cơ sở,khác`);
  await t.services.importUnits(
    csv(`code,name,parent_code,kind,type
K,Đảng bộ Khối,,đảng bộ khối,
D2,Đảng bộ số 2,K,đảng bộ cơ sở,khác
${fillers.join('\n')}
CB-A,Chi bộ A,D2,chi bộ trực thuộc,
CB-B,Chi bộ B,D23,chi bộ trực thuộc,
`),
  );
  await t.services.importMembers(
    csv(`code,full_name,unit_code,role,status,phone,birth_year,exempt
U1,Lê Văn Ủy,D2,cấp ủy viên,chính thức,,1970,
A1,Đảng viên A một,CB-A,đảng viên,chính thức,,1980,
B1,Đảng viên B một,CB-B,đảng viên,chính thức,,1981,
B2,Đảng viên B hai,CB-B,đảng viên,chính thức,,1982,
`),
  );
});
afterAll(() => t.close());

describe('a committee whose unit id prefixes a neighbour’s', () => {
  it('counts and lists only its own subtree', async () => {
    const [d2, d23] = await t.db.all<{ path: string }>(sql`SELECT path FROM units WHERE code IN ('D2', 'D23') ORDER BY code`);
    // The tree this test needs: the neighbour's path starts with the committee's digits.
    expect([d2?.path, d23?.path]).toEqual(['/1/2/', '/1/23/']);

    const viewer = await loadMemberViewer({ db: t.db, clock: t.clock, actor: 'test' }, await memberId(t.db, 'U1'));
    const overview = await t.services.dashboardOverview({ viewer: viewer!, rules: defaultMeetingRules });
    expect(overview.totals.members).toBe(2);
    const breakdown = await t.services.unitBreakdown({ viewer: viewer!, rules: defaultMeetingRules });
    expect(breakdown.rows.map((r) => r.name)).toEqual(['Chi bộ A']);
    const listed = await t.services.listMembers({ unitCode: 'D2' });
    expect(listed.map((m) => m.code).sort()).toEqual(['A1', 'U1']);
  });
});
