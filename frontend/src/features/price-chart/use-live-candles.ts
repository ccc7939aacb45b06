import { useEffect, useState } from 'react';
import type { ChartHandle } from '../../lib/chart-handle';
import type { MarketStore } from '../../lib/market/market-store';
import { animationFramesAtMost } from '../../lib/store/coalesced-store';
import type { Tick } from '../../lib/stream/protocol';
import { CandleAggregator, INTERVAL_SECONDS, type Candle, type CandleInterval } from './candle-aggregator';
import { ChartSeries } from './chart-series';
import { describeChart } from './describe-chart';
import type { PriceChart } from './create-price-chart';
import { fetchCandles } from './fetch-candles';

export type BackfillState = 'loading' | 'filled' | 'empty' | 'failed';

// Each redraw repaints the chart's canvases; a 1-second candle gains nothing from 60 of them a second.
const CHART_UPDATES_PER_SECOND = 20;
// Ticks held while the back-fill is on its way (a few seconds of one symbol at most).
const MAX_HELD_TICKS = 20_000;

/**
 * Back-fills the chart and feeds it the selected symbol's ticks: each tick updates the
 * aggregator at once, the chart at most once per animation frame (and 20 times a second) with
 * series.update() of the touched bars. Ticks that arrive while the back-fill is on its way are
 * held, then added unless the server had them when it built the bars (`serverNowMs` dates that).
 */
export function useLiveCandles(
  handle: ChartHandle<PriceChart>,
  store: MarketStore,
  baseUrl: string,
  symbol: string | null,
  interval: CandleInterval,
  serverNowMs: () => number,
): BackfillState {
  // The answer for one symbol and interval; another pair is 'loading' until its own answer.
  const key = `${symbol}|${interval}`;
  const [answer, setAnswer] = useState<{ key: string; state: BackfillState } | null>(null);

  useEffect(() => {
    if (!symbol) return;
    const chart = handle.api();
    const series = new ChartSeries(chart, INTERVAL_SECONDS[interval]);
    const aggregator = new CandleAggregator(INTERVAL_SECONDS[interval]);
    const touched = new Set<Candle>();
    const schedule = animationFramesAtMost(CHART_UPDATES_PER_SECOND);
    let held: Tick[] | null = [];
    let scheduled = false;
    let disposed = false;
    let resets = -1;
    let describedAt = -Infinity;
    const draw = () => {
      scheduled = false;
      if (disposed) return;
      if (aggregator.resets !== resets) {
        resets = aggregator.resets;
        series.show(aggregator.bars, aggregator.epochStarts);
      } else {
        for (const bar of touched) series.push(bar);
      }
      touched.clear();
      const container = handle.element;
      container?.setAttribute('data-candles', String(aggregator.bars.length));
      container?.setAttribute('data-last-candle', String(aggregator.bars.at(-1)?.time ?? ''));
      container?.setAttribute('data-epoch-starts', String(aggregator.epochStarts.length));
      if (performance.now() - describedAt < 1000) return; // read by assistive technology, not per frame
      describedAt = performance.now();
      container?.setAttribute('aria-label', describeChart(symbol, interval, aggregator.bars, aggregator.epochStarts.length));
    };
    const add = (ticks: readonly Tick[]) => {
      for (const tick of ticks) {
        if (tick.symbol !== symbol) continue;
        const bar = aggregator.add(tick.price, tick.size, tick.time);
        if (bar) touched.add(bar);
      }
      if (touched.size > 0 && !scheduled) {
        scheduled = true;
        schedule(draw);
      }
    };
    const unsubscribeTicks = store.onTicks((ticks) => {
      if (!held) return add(ticks);
      for (const tick of ticks) if (tick.symbol === symbol && held.length < MAX_HELD_TICKS) held.push(tick);
    });
    const unsubscribeEpochs = store.onEpoch(() => aggregator.newEpoch());
    const controller = new AbortController();
    const sentAt = serverNowMs();
    series.show([], []);
    fetchCandles(baseUrl, symbol, interval, controller.signal)
      .then((bars) => {
        // The server built the bars between sending and answering: ticks after that are new.
        const builtAtUs = ((sentAt + serverNowMs()) / 2) * 1000;
        aggregator.seed(bars);
        held = held?.filter((tick) => bars.length === 0 || tick.time > builtAtUs) ?? null;
        setAnswer({ key: `${symbol}|${interval}`, state: bars.length > 0 ? 'filled' : 'empty' });
      })
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ key: `${symbol}|${interval}`, state: 'failed' });
      })
      .finally(() => {
        if (controller.signal.aborted) return;
        const pending = held ?? [];
        held = null;
        resets = -1;
        add(pending);
        draw();
      });
    return () => {
      controller.abort();
      unsubscribeTicks();
      unsubscribeEpochs();
      if (handle.holds(chart)) series.detach();
      disposed = true;
    };
  }, [handle, store, baseUrl, symbol, interval, serverNowMs]);

  return answer?.key === key ? answer.state : 'loading';
}
