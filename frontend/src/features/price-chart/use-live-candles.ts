import { useEffect, useState, type RefObject } from 'react';
import type { UTCTimestamp } from 'lightweight-charts';
import type { MarketStore } from '../../lib/market/market-store';
import { animationFramesAtMost } from '../../lib/store/coalesced-store';
import { CandleAggregator, INTERVAL_SECONDS, type Candle, type CandleInterval } from './candle-aggregator';
import { DOWN, UP, type PriceChart } from './create-price-chart';
import { fetchCandles } from './fetch-candles';

export type BackfillState = 'loading' | 'filled' | 'empty' | 'failed';

// Each redraw repaints the chart's canvases; a 1-second candle gains nothing from 60 of them a second.
const CHART_UPDATES_PER_SECOND = 20;

/**
 * Back-fills the chart, then feeds it the selected symbol's ticks: each tick updates the
 * aggregator at once, the chart at most once per animation frame (and 20 times a second) with
 * series.update() of the touched bars.
 * Ticks that arrive before the back-fill answers are part of it and are not added again.
 */
export function useLiveCandles(
  chartRef: RefObject<PriceChart | null>,
  containerRef: RefObject<HTMLElement | null>,
  store: MarketStore,
  baseUrl: string,
  symbol: string | null,
  interval: CandleInterval,
): BackfillState {
  const [backfill, setBackfill] = useState<BackfillState>('loading');

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !symbol) return;
    const aggregator = new CandleAggregator(INTERVAL_SECONDS[interval]);
    const touched = new Set<Candle>();
    const schedule = animationFramesAtMost(CHART_UPDATES_PER_SECOND);
    let ready = false;
    let scheduled = false;
    let disposed = false;
    let trims = 0;
    const draw = () => {
      scheduled = false;
      if (disposed) return;
      if (aggregator.trims !== trims) {
        trims = aggregator.trims;
        show(chart, aggregator.bars); // old bars leave the chart too, so it stays bounded
      } else {
        for (const bar of touched) push(chart, bar);
      }
      touched.clear();
      const container = containerRef.current;
      container?.setAttribute('data-candles', String(aggregator.bars.length));
      container?.setAttribute('data-last-candle', String(aggregator.bars.at(-1)?.time ?? ''));
    };
    const unsubscribe = store.onTicks((ticks) => {
      if (!ready) return;
      for (const tick of ticks) {
        if (tick.symbol !== symbol) continue;
        const bar = aggregator.add(tick.price, tick.size, tick.time);
        if (bar) touched.add(bar);
      }
      if (touched.size > 0 && !scheduled) {
        scheduled = true;
        schedule(draw);
      }
    });
    const controller = new AbortController();
    setBackfill('loading');
    show(chart, []);
    fetchCandles(baseUrl, symbol, interval, controller.signal)
      .then((bars) => {
        aggregator.seed(bars);
        show(chart, aggregator.bars);
        setBackfill(bars.length > 0 ? 'filled' : 'empty');
      })
      .catch(() => {
        if (!controller.signal.aborted) setBackfill('failed');
      })
      .finally(() => {
        ready = !controller.signal.aborted;
        draw();
      });
    return () => {
      controller.abort();
      unsubscribe();
      disposed = true;
    };
  }, [chartRef, containerRef, store, baseUrl, symbol, interval]);

  return backfill;
}

function push(chart: PriceChart, bar: Candle): void {
  chart.candles.update(candle(bar));
  chart.line.update(close(bar));
  chart.volume.update(volume(bar));
}

/** Replaces every series' data at once (back-fill), rather than one update() per bar. */
function show(chart: PriceChart, bars: readonly Candle[]): void {
  chart.candles.setData(bars.map(candle));
  chart.line.setData(bars.map(close));
  chart.volume.setData(bars.map(volume));
}

const candle = (bar: Candle) => ({ time: bar.time as UTCTimestamp, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
const close = (bar: Candle) => ({ time: bar.time as UTCTimestamp, value: bar.close });
const volume = (bar: Candle) => ({ time: bar.time as UTCTimestamp, value: bar.volume, color: bar.close >= bar.open ? `${UP}80` : `${DOWN}80` });
