import { formatCell } from './format';

export interface Bar {
  label: string;
  /** Null: no data for this bar (drawn empty, labelled "—"). */
  value: number | null;
}

/**
 * A horizontal bar chart drawn as SVG on the server: readable on a phone, no script.
 * `max` is the value of a full bar (1 for rates, 5 for scores).
 */
export function BarChart(props: { id: string; title: string; bars: Bar[]; max: number; format: 'percent' | 'score' }) {
  const rowHeight = 22;
  const labelWidth = 150;
  const width = 600;
  const barSpace = width - labelWidth - 60;
  const height = props.bars.length * rowHeight + 10;
  return (
    <figure class="chart" data-chart={props.id}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
        <line class="axis" x1={labelWidth} y1="0" x2={labelWidth} y2={height} />
        {props.bars.map((b, i) => {
          const y = i * rowHeight + 5;
          const w = b.value === null ? 0 : Math.max(0, Math.min(1, b.value / props.max)) * barSpace;
          return (
            <g>
              <text x={labelWidth - 6} y={y + 14} text-anchor="end">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              <rect class="bar" x={labelWidth} y={y + 3} width={w.toFixed(1)} height={rowHeight - 8} />
              <text x={labelWidth + w + 4} y={y + 14}>
                {formatCell(b.value, props.format)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
