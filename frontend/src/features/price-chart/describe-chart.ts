import { formatCount, formatPrice } from '../../lib/format';
import type { Candle, CandleInterval } from './candle-aggregator';

/** The chart's text alternative: what a sighted user reads off it at a glance. */
export function describeChart(symbol: string, interval: CandleInterval, bars: readonly Candle[], epochs: number): string {
  const last = bars.at(-1);
  if (!last) return `${symbol} price chart, ${interval} bars: no trades yet.`;
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  for (const bar of bars) {
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
    volume += bar.volume;
  }
  const first = bars[0];
  const restarted = epochs > 0 ? ` The server restarted ${epochs === 1 ? 'once' : `${epochs} times`}: prices after a restart are a new stream.` : '';
  return (
    `${symbol} price chart, ${formatCount(bars.length)} ${interval} bars from ${clock(first.time)} to ${clock(last.time)}: ` +
    `last ${formatPrice(last.close)}, first open ${formatPrice(first.open)}, high ${formatPrice(high)}, low ${formatPrice(low)}, ` +
    `volume ${formatCount(volume)}.${restarted}`
  );
}

const clock = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(11, 19) + ' UTC';
