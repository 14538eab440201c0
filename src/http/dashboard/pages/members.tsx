import { roleNames } from '../../../locales/vi-names';
import type { MemberActivityRow } from '../../../services/dashboard/member-activity';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import { table } from '../table-model';
import { headers, nav, tableTitles, ui } from '../views/labels';
import { definePage } from './page';
import { UnitCrumbs } from './unit-crumbs';

type Data = Awaited<ReturnType<import('../../../services').Services['memberActivity']>> & { viewer: DashboardViewer };

const channelNames: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo' };

export const membersPage = definePage<Data>({
  nav: 'members',
  load: async (r) => ({ ...(await r.services.memberActivity({ viewer: r.viewer, unitId: r.unitId }, r.actor)), viewer: r.viewer }),
  title: (d) => `${nav.members}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    table<MemberActivityRow>({
      id: 'members',
      title: tableTitles.members,
      rows: d.rows,
      columns: [
        { header: headers.fullName, value: (m) => m.fullName },
        { header: headers.role, value: (m) => [roleNames[m.role], m.exempt ? headers.exempt : null].filter(Boolean).join(', ') },
        {
          header: headers.channels,
          value: (m) => (m.channels.length === 0 ? headers.notLinked : m.channels.map((c) => channelNames[c] ?? c).join(', ') + (m.blocked ? ` (${headers.blocked})` : '')),
        },
        { header: headers.lastActivity, format: 'date', value: (m) => m.lastActivityAt },
      ],
    }),
  ],
  body: (d, v) => (
    <>
      <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/members" />
      {d.unit ? v.table('members') : <p class="notice">{ui.chooseUnit}</p>}
    </>
  ),
});
