import { formatCell } from './format';

/** One headline figure with what it counts. */
export function StatCard(props: { label: string; value: number | null; format: 'percent' | 'score' | 'number'; detail?: string; target?: number }) {
  const below = props.target !== undefined && props.value !== null && props.value < props.target;
  return (
    <div class="card" data-stat={props.label}>
      <div class={`value${below ? ' bad' : ''}`}>{formatCell(props.value, props.format)}</div>
      <div class="label">{props.label}</div>
      {props.detail ? <div class="detail">{props.detail}</div> : null}
    </div>
  );
}
