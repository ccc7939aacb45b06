import { HISTOGRAM_BOUNDS_MS } from '../../lib/stream/latency-stats';

const short = (ms: number) => (ms < 1000 ? String(ms) : `${ms / 1000}s`);
// Short labels, so 13 buckets fit a phone's width: "≤" and "ms" are said once, in the caption.
const LABELS = [...HISTOGRAM_BOUNDS_MS.map(short), `>${short(HISTOGRAM_BOUNDS_MS.at(-1)!)}`];
const SPOKEN = [...HISTOGRAM_BOUNDS_MS.map((b) => `up to ${b} ms`), `over ${HISTOGRAM_BOUNDS_MS.at(-1)} ms`];

/** Tick ages of the recent window, one bar per bucket. */
export function LatencyHistogram({ counts }: { counts: readonly number[] }) {
  const values = counts.length > 0 ? counts : LABELS.map(() => 0);
  const max = Math.max(1, ...values);
  const spoken = values.map((count, i) => `${SPOKEN[i]}: ${count}`).join(', ');
  return (
    <figure className="histogram-figure">
      <div className="histogram" role="img" aria-label={`Tick age histogram of the last 10 s: ${spoken}`} data-testid="histogram">
        {values.map((count, i) => (
          <div key={LABELS[i]} className="bucket" title={`${SPOKEN[i]}: ${count}`}>
            <div className="bar" style={{ height: `${(count / max) * 100}%` }} />
            <span>{LABELS[i]}</span>
          </div>
        ))}
      </div>
      <figcaption className="muted">Tick age, last 10 s: each bar counts ticks up to its bound (ms unless marked s)</figcaption>
    </figure>
  );
}
