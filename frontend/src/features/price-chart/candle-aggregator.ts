export type CandleInterval = '1s' | '5s' | '1m';

export const INTERVAL_SECONDS: Record<CandleInterval, number> = { '1s': 1, '5s': 5, '1m': 60 };

/** An OHLCV bar; `time` is the Unix second its bucket starts. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * Builds bars of one interval from ticks, continuing from back-filled bars. It holds `keep` bars,
 * dropping the oldest `slack` at a time, so a chart showing them can be reset rarely, not per bar.
 */
export class CandleAggregator {
  private readonly candles: Candle[] = [];
  /** Counts the times old bars were dropped: a chart shows `bars` afresh when it changes. */
  trims = 0;

  constructor(
    readonly intervalSeconds: number,
    private readonly keep = 5000,
    private readonly slack = 1000,
  ) {}

  get bars(): readonly Candle[] {
    return this.candles;
  }

  /** Back-filled bars, oldest first; replaces whatever was there. */
  seed(bars: readonly Candle[]): void {
    this.candles.splice(0, this.candles.length, ...bars.map((bar) => ({ ...bar })));
  }

  /**
   * Adds one tick (`timeUs` in µs since the epoch) and returns the bar it touched; a tick older
   * than the newest bar is returned as null, since a chart can only update its last bar.
   */
  add(price: number, size: number, timeUs: number): Candle | null {
    const bucket = Math.floor(timeUs / 1e6 / this.intervalSeconds) * this.intervalSeconds;
    const last = this.candles.at(-1);
    if (last && bucket < last.time) return null;
    if (last && bucket === last.time) {
      last.high = Math.max(last.high, price);
      last.low = Math.min(last.low, price);
      last.close = price;
      last.volume += size;
      return last;
    }
    const bar = { time: bucket, open: price, high: price, low: price, close: price, volume: size };
    this.candles.push(bar);
    if (this.candles.length > this.keep + this.slack) {
      this.candles.splice(0, this.candles.length - this.keep);
      this.trims++;
    }
    return bar;
  }
}
