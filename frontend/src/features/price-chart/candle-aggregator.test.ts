import { describe, expect, it } from 'vitest';
import { CandleAggregator } from './candle-aggregator';

const s = (seconds: number) => seconds * 1_000_000; // µs

describe('CandleAggregator', () => {
  it('folds ticks of one bucket into one OHLCV bar', () => {
    const agg = new CandleAggregator(5);
    agg.add(10, 100, s(1000) + 1);
    agg.add(12, 50, s(1002));
    agg.add(9, 10, s(1003));
    const bar = agg.add(11, 5, s(1004) + 999_999);
    expect(agg.bars).toEqual([{ time: 1000, open: 10, high: 12, low: 9, close: 11, volume: 165 }]);
    expect(bar).toBe(agg.bars[0]);
  });

  it('starts a new bar at the bucket boundary, aligned to the interval', () => {
    const agg = new CandleAggregator(60);
    agg.add(10, 1, s(119));
    agg.add(11, 2, s(120));
    expect(agg.bars.map((b) => [b.time, b.open, b.volume])).toEqual([
      [60, 10, 1],
      [120, 11, 2],
    ]);
  });

  it('continues the back-filled last bar and ignores ticks older than it', () => {
    const agg = new CandleAggregator(1);
    agg.seed([
      { time: 99, open: 1, high: 1, low: 1, close: 1, volume: 1 },
      { time: 100, open: 5, high: 6, low: 4, close: 5, volume: 10 },
    ]);
    expect(agg.add(3, 1, s(99))).toBeNull();
    agg.add(7, 2, s(100) + 10);
    expect(agg.bars.at(-1)).toEqual({ time: 100, open: 5, high: 7, low: 4, close: 7, volume: 12 });
    expect(agg.bars).toHaveLength(2);
  });

  it('keeps a bounded number of bars, dropping the oldest a chunk at a time', () => {
    const agg = new CandleAggregator(1, 3, 2);
    for (let t = 0; t < 5; t++) agg.add(t, 1, s(t));
    expect([agg.bars.length, agg.resets]).toEqual([5, 0]);
    agg.add(5, 1, s(5));
    expect(agg.bars.map((b) => b.time)).toEqual([3, 4, 5]);
    expect(agg.resets).toBe(1);
  });
});

describe('CandleAggregator across epochs', () => {
  it('opens a new bar for the first tick of a new epoch and lists where it starts', () => {
    const agg = new CandleAggregator(1);
    agg.add(100, 1, s(10));
    agg.newEpoch();
    agg.add(50, 2, s(14));
    agg.add(51, 1, s(14) + 5);
    expect(agg.bars.map((b) => [b.time, b.open, b.close])).toEqual([
      [10, 100, 100],
      [14, 50, 51],
    ]);
    expect(agg.epochStarts).toEqual([14]);
    expect(agg.resets).toBe(1);
  });

  it('never mixes old and new prices in one bar when the restart falls in the same bucket', () => {
    const agg = new CandleAggregator(60);
    agg.add(100, 1, s(120));
    agg.newEpoch();
    agg.add(50, 2, s(150));
    expect(agg.bars).toEqual([{ time: 120, open: 50, high: 50, low: 50, close: 50, volume: 2 }]);
    expect(agg.epochStarts).toEqual([120]);
  });

  it('marks no epoch when there was nothing before it', () => {
    const agg = new CandleAggregator(1);
    agg.newEpoch();
    agg.add(50, 1, s(3));
    expect(agg.epochStarts).toEqual([]);
  });
});
