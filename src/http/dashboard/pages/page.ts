import type { JSX } from 'hono/jsx/jsx-runtime';
import type { DashboardViewer } from '../../../services/dashboard/viewer';
import type { MeetingRules } from '../../../services/meetings/meeting-rules';
import type { Services } from '../../../services';
import type { Table } from '../table-model';
import type { PageName } from '../views/layout';

/** What a page is asked for: the viewer and the query (unit to look at, item id). */
export interface PageRequest {
  services: Services;
  viewer: DashboardViewer;
  actor: string;
  rules: MeetingRules;
  unitId?: number;
  id?: number;
}

export interface PageView {
  /** Renders one of the page's tables with sorting and export links. */
  table: (id: string) => JSX.Element;
  csrf: string;
  /** The page's own query string parameters (unit, id). */
  query: Record<string, string>;
}

/**
 * A dashboard page: how its data loads (one service call or a few), the tables it
 * shows and exports, and its body. The page, its CSV/XLSX and its JSON share `load`.
 */
export interface DashboardPage<D> {
  nav: PageName | null;
  /** Needs `?id=`. */
  needsId?: boolean;
  load: (r: PageRequest) => Promise<D>;
  title: (d: D) => string;
  tables: (d: D) => Table[];
  body: (d: D, v: PageView) => JSX.Element;
}

export const definePage = <D>(page: DashboardPage<D>) => page as unknown as DashboardPage<unknown>;

/** Query for links to the same page about another unit. */
export const unitHref = (path: string, unitId: number) => `${path}?unit=${unitId}`;
