import { describe, expect, it } from 'vitest';
import { LatencyStats, quantile } from './latency-stats';

describe('LatencyStats', () => {
  it('computes nearest-rank quantiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(sorted, 0.5), quantile(sorted, 0.95), quantile(sorted, 0.99)]).toEqual([50, 95, 99]);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises the window of latest ages into quantiles and a histogram', () => {
    const stats = new LatencyStats(100);
    for (let i = 1; i <= 100; i++) stats.record(i, 0);
    const summary = stats.summary(0)!;
    expect(summary).toMatchObject({ samples: 100, p50: 50, p95: 95, p99: 99 });
    // buckets ≤1, ≤2, ≤5, ≤10, ≤20, ≤50, ≤100, ...
    expect(summary.histogram.slice(0, 8)).toEqual([1, 1, 3, 5, 10, 30, 50, 0]);
    expect(summary.histogram.reduce((a, b) => a + b)).toBe(100);
  });

  it('forgets ages older than its capacity', () => {
    const stats = new LatencyStats(4);
    [1000, 1000, 1000, 1000, 1, 2, 3, 4].forEach((age) => stats.record(age, 0));
    expect(stats.summary(0)).toMatchObject({ samples: 4, p99: 4 });
  });

  it('forgets ages older than its time window', () => {
    const stats = new LatencyStats(100, 10_000);
    stats.record(500, 1_000);
    stats.record(5, 9_000);
    stats.record(7, 12_000);
    expect(stats.summary(12_000)).toMatchObject({ samples: 2, p99: 7 });
    expect(stats.summary(30_000)).toBeNull();
  });

  it('records one median per completed second for the series', () => {
    const stats = new LatencyStats();
    [10, 30, 20].forEach((age) => stats.record(age, 5_000));
    stats.record(99, 6_100);
    expect(stats.series(6_500)).toEqual([{ time: 5, p50: 20 }]);
    expect(stats.series(7_000)).toEqual([
      { time: 5, p50: 20 },
      { time: 6, p50: 99 },
    ]);
  });

  it('has no summary before the first tick', () => {
    expect(new LatencyStats().summary(0)).toBeNull();
  });
});
