import { targetMetrics } from '../../../db/schema';
import { canManageTargets } from '../../../services/dashboard/set-target';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import { metricNames, nav, targetForm } from '../views/labels';
import { definePage } from './page';
import { targetsTable } from './targets-table';
import { UnitCrumbs } from './unit-crumbs';

type Report = Awaited<ReturnType<import('../../../services').Services['targetsReport']>>;
type Choices = Awaited<ReturnType<import('../../../services').Services['listTargetChoices']>>;
type Data = Report & { choices: Choices; viewer: DashboardViewer };

export const targetsPage = definePage<Data>({
  nav: 'targets',
  load: async (r) => {
    const report = await r.services.targetsReport({ viewer: r.viewer, unitId: r.unitId, rules: r.rules }, r.actor);
    const choices = canManageTargets(r.viewer) ? await r.services.listTargetChoices({ viewer: r.viewer }, r.actor) : [];
    return { ...report, choices, viewer: r.viewer };
  },
  title: (d) => `${nav.targets}: ${d.unit?.name ?? ''}`.replace(/: $/, ''),
  tables: (d) => [
    targetsTable(d.targets),
  ],
  body: (d, v) => {
    const manage = canManageTargets(d.viewer);
    return (
      <>
        <UnitCrumbs unit={d.unit} viewer={d.viewer} path="/dashboard/targets" />
        {v.table('targets')}
        {manage && d.targets.length > 0 ? (
          <ul>
            {d.targets.filter((t) => d.viewer.role === 'admin' || t.unitPath.startsWith(d.viewer.unitPath ?? '/')).map((t) => (
              <li>
                <form method="post" action={`/dashboard/targets/delete?id=${t.id}${d.unit ? `&unit=${d.unit.id}` : ''}`} class="inline">
                  <input type="hidden" name="_csrf" value={v.csrf} />
                  {t.label} — <button type="submit">{targetForm.remove}</button>
                </form>
              </li>
            ))}
          </ul>
        ) : null}
        {manage ? (
          <form method="post" action={`/dashboard/targets${d.unit ? `?unit=${d.unit.id}` : ''}`} class="stack">
            <h2>{targetForm.heading}</h2>
            <input type="hidden" name="_csrf" value={v.csrf} />
            <label>
              {targetForm.pickFromDocument}
              <select name="documentTargetId">
                <option value="">{targetForm.none}</option>
                {d.choices.map((doc) => (
                  <optgroup label={doc.label}>
                    {doc.targets.map((t) => (
                      <option value={String(t.id)}>{t.text.length > 140 ? `${t.text.slice(0, 139)}…` : t.text}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <label>
              {targetForm.orType}
              <input type="text" name="label" maxlength={500} />
            </label>
            <label>
              {targetForm.metric}
              <select name="metric" required>
                {targetMetrics.map((m) => (
                  <option value={m}>{metricNames[m]}</option>
                ))}
              </select>
            </label>
            <label>
              {targetForm.value}
              <input type="number" name="value" min="0" max="100" step="0.1" required />
            </label>
            <button type="submit" class="primary">
              {targetForm.submit}
            </button>
          </form>
        ) : (
          <p class="notice">{targetForm.readOnly}</p>
        )}
      </>
    );
  },
});
