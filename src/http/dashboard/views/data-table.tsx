import { type SortOrder, type Table, sortRows } from '../table-model';
import { formatCell } from './format';
import { ui } from './labels';

/**
 * A table with sortable headers (plain links: no script needed) and its CSV and
 * Excel downloads, which carry the same query so they hold what the page shows.
 */
export function DataTable(props: { table: Table; sort: SortOrder | null; query: Record<string, string>; exportBase: string }) {
  const { table, sort } = props;
  const rows = sortRows(table, sort);
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...props.query, ...extra }).toString()}`;
  const exportQuery = new URLSearchParams(Object.entries(props.query).filter(([k]) => k !== 'sort')).toString();
  return (
    <section>
      <h2 id={table.id}>{table.title}</h2>
      <div class="table-wrap">
        <table data-table={table.id}>
          <thead>
            <tr>
              {table.columns.map((c, i) => {
                const active = sort?.table === table.id && sort.column === i;
                const next = active && !sort?.descending ? 'desc' : 'asc';
                return (
                  <th class={c.format && c.format !== 'text' ? 'num' : undefined} aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : undefined}>
                    <a href={`${href({ sort: `${table.id}.${i}.${next}` })}#${table.id}`}>{c.header}</a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colspan={table.columns.length}>{ui.noRows}</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr>
                  {table.columns.map((c) => {
                    const text = formatCell(c.value(r), c.format);
                    const link = c.link?.(r);
                    return <td class={c.format && c.format !== 'text' ? 'num' : undefined}>{link ? <a href={link}>{text}</a> : text}</td>;
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <p class="exports">
        <a href={`${props.exportBase}/${table.id}.csv${exportQuery ? `?${exportQuery}` : ''}`} download>
          {ui.exportCsv}
        </a>
        <a href={`${props.exportBase}/${table.id}.xlsx${exportQuery ? `?${exportQuery}` : ''}`} download>
          {ui.exportXlsx}
        </a>
      </p>
    </section>
  );
}
