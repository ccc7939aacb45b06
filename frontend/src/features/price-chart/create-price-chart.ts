import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
} from 'lightweight-charts';
import { CHART_THEME } from '../../lib/chart-theme';

export interface PriceChart {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  line: ISeriesApi<'Line'>;
  volume: ISeriesApi<'Histogram'>;
}

export const UP = '#26a69a';
export const DOWN = '#ef5350';
const PRICE_CHART_BUILT = 'price chart built';

/** Candles and a close-price line (one shown at a time) over a volume pane. */
export function createPriceChart(container: HTMLElement): PriceChart {
  const chart = createChart(container, {
    ...CHART_THEME,
    timeScale: { timeVisible: true, secondsVisible: true, rightOffset: 3 },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: UP,
    downColor: DOWN,
    borderVisible: false,
    wickUpColor: UP,
    wickDownColor: DOWN,
  });
  const line = chart.addSeries(LineSeries, { color: '#4aa3ff', lineWidth: 2, visible: false });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, color: '#3b4b5c' }, 1);
  chart.panes()[1]?.setStretchFactor(0.25);
  // Named in the browser's performance trace (and checked there by the performance test).
  performance.mark(PRICE_CHART_BUILT);
  return { chart, candles, line, volume };
}
