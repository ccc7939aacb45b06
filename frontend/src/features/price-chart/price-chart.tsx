import { useEffect, useRef, useState } from 'react';
import type { MarketStore } from '../../lib/market/market-store';
import type { CandleInterval } from './candle-aggregator';
import { createPriceChart, type PriceChart as Chart } from './create-price-chart';
import { useLiveCandles } from './use-live-candles';

const INTERVALS: CandleInterval[] = ['1s', '5s', '1m'];

interface Props {
  store: MarketStore;
  baseUrl: string;
  symbol: string | null;
}

/** Candlesticks (or a line) with volume for the selected symbol, following the live edge. */
export function PriceChart({ store, baseUrl, symbol }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const [interval, setCandleInterval] = useState<CandleInterval>('1s');
  const [view, setView] = useState<'candles' | 'line'>('candles');
  const [scrolledBack, setScrolledBack] = useState(false);

  useEffect(() => {
    const chart = createPriceChart(containerRef.current!);
    chartRef.current = chart;
    const timeScale = chart.chart.timeScale();
    const onRange = () => setScrolledBack(timeScale.scrollPosition() < -1);
    timeScale.subscribeVisibleLogicalRangeChange(onRange);
    return () => {
      timeScale.unsubscribeVisibleLogicalRangeChange(onRange);
      chart.chart.remove();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.candles.applyOptions({ visible: view === 'candles' });
    chartRef.current?.line.applyOptions({ visible: view === 'line' });
  }, [view]);

  const backfill = useLiveCandles(chartRef, containerRef, store, baseUrl, symbol, interval);

  return (
    <section className="panel price-chart" aria-label="Price chart">
      <header className="panel-header">
        <h2>{symbol ?? 'No symbol selected'}</h2>
        <div className="segmented" role="group" aria-label="Candle interval">
          {INTERVALS.map((i) => (
            <button key={i} aria-pressed={interval === i} onClick={() => setCandleInterval(i)}>
              {i}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Chart type">
          <button aria-pressed={view === 'candles'} onClick={() => setView('candles')}>Candles</button>
          <button aria-pressed={view === 'line'} onClick={() => setView('line')}>Line</button>
        </div>
        {scrolledBack && (
          <button className="go-live" onClick={() => chartRef.current?.chart.timeScale().scrollToRealTime()}>
            Live ⏵
          </button>
        )}
        <span className="muted">{backfill === 'empty' ? 'no history yet: filling live' : backfill === 'failed' ? 'history unavailable' : ''}</span>
      </header>
      <div ref={containerRef} className="chart-area" data-testid="price-chart" data-candles="0" />
    </section>
  );
}
