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
 * A new epoch (a restarted stream, its prices unrelated to the old ones) starts a new segment:
 * its first bar is listed in `epochStarts`, and a gap is left before it where the time allows.
 */
export class CandleAggregator {
  private readonly candles: Candle[] = [];
  private readonly starts: number[] = [];
  private breakPending = false;
  /** Counts the times bars were dropped or a segment began: a chart shows `bars` afresh when it changes. */
  resets = 0;

  constructor(
    readonly intervalSeconds: number,
    private readonly keep = 5000,
    private readonly slack = 1000,
  ) {}

  get bars(): readonly Candle[] {
    return this.candles;
  }

  /** Bucket times of the first bar of each epoch after the first, oldest first. */
  get epochStarts(): readonly number[] {
    return this.starts;
  }

  /** Back-filled bars, oldest first; replaces whatever was there. */
  seed(bars: readonly Candle[]): void {
    this.candles.splice(0, this.candles.length, ...bars.map((bar) => ({ ...bar })));
    this.starts.length = 0;
  }

  /** The stream restarted: the next tick opens a new segment rather than continuing the last bar. */
  newEpoch(): void {
    if (this.candles.length > 0) this.breakPending = true;
  }

  /**
   * Adds one tick (`timeUs` in µs since the epoch) and returns the bar it touched; a tick older
   * than the newest bar is returned as null, since a chart can only update its last bar.
   */
  add(price: number, size: number, timeUs: number): Candle | null {
    const bucket = Math.floor(timeUs / 1e6 / this.intervalSeconds) * this.intervalSeconds;
    const last = this.candles.at(-1);
    if (last && bucket < last.time) return null;
    if (this.breakPending) return this.startSegment(price, size, bucket);
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
      while (this.starts.length > 0 && this.starts[0] < this.candles[0].time) this.starts.shift();
      this.resets++;
    }
    return bar;
  }

  // A bar of the old epoch in the same bucket is replaced: old and new prices never share a bar.
  private startSegment(price: number, size: number, bucket: number): Candle {
    this.breakPending = false;
    this.resets++;
    const bar = { time: bucket, open: price, high: price, low: price, close: price, volume: size };
    if (this.candles.at(-1)?.time === bucket) this.candles[this.candles.length - 1] = bar;
    else this.candles.push(bar);
    this.starts.push(bucket);
    return bar;
  }
}
