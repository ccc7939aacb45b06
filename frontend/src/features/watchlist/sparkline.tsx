import { memo } from 'react';

const WIDTH = 80;
const HEIGHT = 22;
// Drawn in its own coordinates, so a narrow cell scales it rather than cutting it off.
const BOX = `0 0 ${WIDTH} ${HEIGHT}`;

/** The last minute of prices, one point per second. */
export const Sparkline = memo(function Sparkline({ points }: { points: readonly number[] }) {
  if (points.length < 2) return <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={BOX} preserveAspectRatio="none" aria-hidden="true" />;
  const min = Math.min(...points);
  const range = Math.max(...points) - min || 1;
  const step = WIDTH / (points.length - 1);
  const path = points.map((p, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - ((p - min) / range) * (HEIGHT - 2)).toFixed(1)}`).join(' ');
  const rising = points[points.length - 1] >= points[0];
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={BOX} preserveAspectRatio="none" aria-hidden="true">
      <polyline points={path} fill="none" stroke={rising ? 'var(--up)' : 'var(--down)'} strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
