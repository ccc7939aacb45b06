import { useEffect, useLayoutEffect, useState } from 'react';
import { ChartHandle } from '../../lib/chart-handle';
import { useChartBuiltApart } from '../../lib/use-chart-built-apart';
import type { MarketStore } from '../../lib/market/market-store';
import type { CandleInterval } from './candle-aggregator';
import { useChartSettings } from './chart-settings';
import { createPriceChart, type PriceChart as Chart } from './create-price-chart';
import { useLiveCandles } from './use-live-candles';

const INTERVALS: CandleInterval[] = ['1s', '5s', '1m'];

interface Props {
  store: MarketStore;
  baseUrl: string;
  symbol: string | null;
  /** The server's clock now (ms since the epoch), to tell which ticks the back-fill already holds. */
  serverNowMs: () => number;
}

/**
 * Candlesticks (or a line) with volume for the selected symbol, following the live edge. The
 * chart is built in a task after the panel mounts (see useChartBuiltApart); what needs it waits.
 */
export function PriceChart({ store, baseUrl, symbol, serverNowMs }: Props) {
  const [handle] = useState(() => new ChartHandle<Chart>(createPriceChart, (chart) => chart.chart.remove()));
  const [{ interval, view }, updateSettings] = useChartSettings();
  const [scrolledBack, setScrolledBack] = useState(false);
  const built = useChartBuiltApart(handle);

  useLayoutEffect(() => {
    if (!built) return;
    const timeScale = handle.api().chart.timeScale();
    const onRange = () => setScrolledBack(timeScale.scrollPosition() < -1);
    timeScale.subscribeVisibleLogicalRangeChange(onRange);
    return () => timeScale.unsubscribeVisibleLogicalRangeChange(onRange);
  }, [handle, built]);

  useEffect(() => {
    if (!built) return;
    const chart = handle.api();
    chart.candles.applyOptions({ visible: view === 'candles' });
    chart.line.applyOptions({ visible: view === 'line' });
  }, [handle, view, built]);

  const backfill = useLiveCandles(handle, store, baseUrl, built ? symbol : null, interval, serverNowMs);

  return (
    <section className="panel price-chart" aria-label="Price chart">
      <header className="panel-header">
        <h2>{symbol ?? 'No symbol selected'}</h2>
        <div className="segmented" role="group" aria-label="Candle interval">
          {INTERVALS.map((i) => (
            <button key={i} aria-pressed={interval === i} onClick={() => updateSettings({ interval: i })}>
              {i}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Chart type">
          <button aria-pressed={view === 'candles'} onClick={() => updateSettings({ view: 'candles' })}>Candles</button>
          <button aria-pressed={view === 'line'} onClick={() => updateSettings({ view: 'line' })}>Line</button>
        </div>
        {scrolledBack && (
          <button className="go-live" onClick={() => handle.api().chart.timeScale().scrollToRealTime()}>
            Live ⏵
          </button>
        )}
        <span className="muted">{backfill === 'empty' ? 'no history yet: filling live' : backfill === 'failed' ? 'history unavailable' : ''}</span>
      </header>
      <div ref={(element) => handle.attach(element)} className="chart-area" data-testid="price-chart" data-candles="0" role="img" aria-label={symbol ? `${symbol} price chart` : 'Price chart'} />
    </section>
  );
}
