/** Upper bounds (ms) of the histogram's buckets; a last bucket holds everything above. */
export const HISTOGRAM_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  /** Counts per bucket of HISTOGRAM_BOUNDS_MS, plus one for larger ages. */
  histogram: number[];
}

export interface LatencyPoint {
  /** Unix seconds. */
  time: number;
  p50: number;
}

/** Nearest-rank quantile of an ascending array. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Tick ages of the last `windowMs` (at most `capacity` of them, in a fixed ring: no allocation
 * per tick) and a per-second median series for plotting. A time window keeps the figures live at
 * low tick rates too, where a count window would hold minutes-old ages.
 */
export class LatencyStats {
  private readonly ring: Float64Array;
  private readonly times: Float64Array;
  private size = 0;
  private next = 0;
  private second = -1;
  private secondAges: number[] = [];
  private readonly points: LatencyPoint[] = [];

  constructor(
    capacity = 8192,
    private readonly windowMs = 10_000,
    private readonly keepPoints = 300,
  ) {
    this.ring = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  /** One tick's age in ms, observed at `nowMs` (ms since the epoch). */
  record(ageMs: number, nowMs: number): void {
    this.ring[this.next] = ageMs;
    this.times[this.next] = nowMs;
    this.next = (this.next + 1) % this.ring.length;
    if (this.size < this.ring.length) this.size++;
    this.rollTo(Math.floor(nowMs / 1000));
    this.secondAges.push(ageMs);
  }

  summary(nowMs: number): LatencySummary | null {
    const recent = new Float64Array(this.size);
    let count = 0;
    for (let i = 0; i < this.size; i++) if (nowMs - this.times[i] <= this.windowMs) recent[count++] = this.ring[i];
    if (count === 0) return null;
    const sorted = recent.subarray(0, count).sort();
    const histogram = new Array<number>(HISTOGRAM_BOUNDS_MS.length + 1).fill(0);
    let bucket = 0;
    for (const age of sorted) {
      while (bucket < HISTOGRAM_BOUNDS_MS.length && age > HISTOGRAM_BOUNDS_MS[bucket]) bucket++;
      histogram[bucket]++;
    }
    return {
      samples: count,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      histogram,
    };
  }

  /** Per-second medians of completed seconds, oldest first. */
  series(nowMs: number): readonly LatencyPoint[] {
    this.rollTo(Math.floor(nowMs / 1000));
    return this.points;
  }

  private rollTo(second: number): void {
    if (second === this.second) return;
    if (this.secondAges.length > 0) {
      this.points.push({ time: this.second, p50: quantile(this.secondAges.sort((a, b) => a - b), 0.5) });
      if (this.points.length > this.keepPoints) this.points.shift();
    }
    this.second = second;
    this.secondAges = [];
  }
}
