import { HISTOGRAM_BOUNDS_MS } from '../../lib/stream/latency-stats';

const LABELS = [...HISTOGRAM_BOUNDS_MS.map((b) => `≤${b < 1000 ? `${b}ms` : `${b / 1000}s`}`), `>${HISTOGRAM_BOUNDS_MS.at(-1)! / 1000}s`];

/** Tick ages of the recent window, one bar per bucket. */
export function LatencyHistogram({ counts }: { counts: readonly number[] }) {
  const values = counts.length > 0 ? counts : LABELS.map(() => 0);
  const max = Math.max(1, ...values);
  return (
    <div className="histogram" role="img" aria-label="Tick age histogram">
      {values.map((count, i) => (
        <div key={LABELS[i]} className="bucket" title={`${LABELS[i]}: ${count}`}>
          <div className="bar" style={{ height: `${(count / max) * 100}%` }} />
          <span>{LABELS[i]}</span>
        </div>
      ))}
    </div>
  );
}
