import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { CHART_THEME } from '../../lib/chart-theme';
import type { LatencyPoint } from '../../lib/stream/latency-stats';

export interface LatencySeries {
  label: string;
  color: string;
  points: readonly LatencyPoint[];
}

/** Per-second median tick age of several clients on one time axis. */
export function LatencyChart({ series }: { series: LatencySeries[] }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const linesRef = useRef(new Map<string, { line: ISeriesApi<'Line'>; last: number }>());
  const labels = series.map((s) => `${s.label}|${s.color}`).join(',');

  useEffect(() => {
    const chart = createChart(containerRef.current!, {
      ...CHART_THEME,
      timeScale: { timeVisible: true, secondsVisible: true },
      localization: { priceFormatter: (ms: number) => `${ms.toFixed(1)} ms` },
    });
    chartRef.current = chart;
    const lines = linesRef.current;
    for (const entry of labels.split(',')) {
      const [label, color] = entry.split('|');
      lines.set(label, { line: chart.addSeries(LineSeries, { color, lineWidth: 2, title: label }), last: -1 });
    }
    return () => {
      lines.clear();
      chart.remove();
      chartRef.current = null;
    };
  }, [labels]);

  useEffect(() => {
    for (const s of series) {
      const entry = linesRef.current.get(s.label);
      if (!entry) continue;
      for (const point of s.points) {
        if (point.time <= entry.last) continue;
        entry.line.update({ time: point.time as UTCTimestamp, value: point.p50 });
        entry.last = point.time;
      }
    }
    // A few minutes of points at most: the whole series fits the width.
    chartRef.current?.timeScale().fitContent();
  });

  return <div ref={containerRef} className="latency-chart" data-testid="latency-chart" data-series={series.map((s) => `${s.label}:${s.points.length}`).join(' ')} />;
}
