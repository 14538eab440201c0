import type { DashboardViewer, ScopedUnit } from '../../../services/dashboard/viewer';
import { ui } from '../views/labels';

/** Which unit the page is about, with a way back up while still inside the viewer's scope. */
export function UnitCrumbs(props: { unit: ScopedUnit | null; viewer: DashboardViewer; path: string }) {
  const { unit, viewer } = props;
  const canGoUp = unit !== null && unit.parentId !== null && unit.id !== viewer.unitId;
  return (
    <p class="crumbs">
      {ui.scope}: <strong>{unit?.name ?? ui.allUnits}</strong>
      {canGoUp ? (
        <>
          {' · '}
          <a href={`${props.path}?unit=${unit.parentId}`}>{ui.up}</a>
        </>
      ) : null}
      {unit && viewer.role === 'admin' ? (
        <>
          {' · '}
          <a href={props.path}>{ui.allUnits}</a>
        </>
      ) : null}
    </p>
  );
}
