import { createSeriesMarkers, type SeriesMarker, type Time, type UTCTimestamp, type WhitespaceData } from 'lightweight-charts';
import type { Candle } from './candle-aggregator';
import { DOWN, UP, type PriceChart } from './create-price-chart';

/** Writes an aggregator's bars into a price chart: update() per touched bar, setData() to redraw all. */
export class ChartSeries {
  private readonly markers;

  constructor(
    private readonly chart: PriceChart,
    private readonly intervalSeconds: number,
  ) {
    this.markers = [createSeriesMarkers(chart.candles), createSeriesMarkers(chart.line)];
  }

  push(bar: Candle): void {
    this.chart.candles.update(candle(bar));
    this.chart.line.update(close(bar));
    this.chart.volume.update(volume(bar));
  }

  /**
   * Replaces every series' data at once (back-fill, trims, new epochs). Before each epoch's first
   * bar an empty slot is left where the time allows, so no line joins two epochs' prices.
   */
  show(bars: readonly Candle[], epochStarts: readonly number[]): void {
    const starts = new Set(epochStarts);
    const candles: (ReturnType<typeof candle> | WhitespaceData)[] = [];
    const lines: (ReturnType<typeof close> | WhitespaceData)[] = [];
    const volumes: (ReturnType<typeof volume> | WhitespaceData)[] = [];
    bars.forEach((bar, i) => {
      const gap = bar.time - this.intervalSeconds;
      if (starts.has(bar.time) && i > 0 && bars[i - 1].time < gap) {
        const blank = { time: gap as UTCTimestamp };
        candles.push(blank);
        lines.push(blank);
        volumes.push(blank);
      }
      candles.push(candle(bar));
      lines.push(close(bar));
      volumes.push(volume(bar));
    });
    this.chart.candles.setData(candles);
    this.chart.line.setData(lines);
    this.chart.volume.setData(volumes);
    const markers: SeriesMarker<Time>[] = epochStarts.map((time) => ({
      time: time as UTCTimestamp,
      position: 'aboveBar',
      shape: 'arrowDown',
      color: '#ffd27a',
      text: 'server restarted: new epoch',
    }));
    this.markers.forEach((plugin) => plugin.setMarkers(markers));
  }

  detach(): void {
    this.markers.forEach((plugin) => plugin.detach());
  }
}

const candle = (bar: Candle) => ({ time: bar.time as UTCTimestamp, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
const close = (bar: Candle) => ({ time: bar.time as UTCTimestamp, value: bar.close });
const volume = (bar: Candle) => ({ time: bar.time as UTCTimestamp, value: bar.volume, color: bar.close >= bar.open ? `${UP}80` : `${DOWN}80` });
