import { useEffect, useLayoutEffect, useState } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { ChartHandle } from '../../lib/chart-handle';
import { CHART_THEME } from '../../lib/chart-theme';
import { formatMs } from '../../lib/format';
import type { LatencyPoint } from '../../lib/stream/latency-stats';

export interface LatencySeries {
  label: string;
  color: string;
  points: readonly LatencyPoint[];
}

interface Chart {
  chart: IChartApi;
  lines: Map<string, { line: ISeriesApi<'Line'>; last: number }>;
}

function create(container: HTMLElement): Chart {
  const chart = createChart(container, {
    ...CHART_THEME,
    timeScale: { timeVisible: true, secondsVisible: true },
    localization: { priceFormatter: (ms: number) => `${ms.toFixed(1)} ms` },
  });
  return { chart, lines: new Map() };
}

/** Per-second median tick age of several clients on one time axis. */
export function LatencyChart({ series }: { series: LatencySeries[] }) {
  const [handle] = useState(() => new ChartHandle<Chart>(create, ({ chart }) => chart.remove()));
  const labels = series.map((s) => `${s.label}|${s.color}`).join(',');

  useLayoutEffect(() => () => handle.free(), [handle]);

  useLayoutEffect(() => {
    const current = handle.api();
    const { chart, lines } = current;
    for (const entry of labels.split(',')) {
      const [label, color] = entry.split('|');
      lines.set(label, { line: chart.addSeries(LineSeries, { color, lineWidth: 2, title: label }), last: -1 });
    }
    return () => {
      if (handle.holds(current)) lines.forEach(({ line }) => chart.removeSeries(line));
      lines.clear();
    };
  }, [handle, labels]);

  useEffect(() => {
    const { chart, lines } = handle.api();
    for (const s of series) {
      const entry = lines.get(s.label);
      if (!entry) continue;
      for (const point of s.points) {
        if (point.time <= entry.last) continue;
        entry.line.update({ time: point.time as UTCTimestamp, value: point.p50 });
        entry.last = point.time;
      }
    }
    // A few minutes of points at most: the whole series fits the width.
    chart.timeScale().fitContent();
  });

  const summary = series.map((s) => `${s.label} ${formatMs(s.points.at(-1)?.p50)}`).join(', ');
  return (
    <div
      ref={(element) => handle.attach(element)}
      className="latency-chart"
      data-testid="latency-chart"
      data-series={series.map((s) => `${s.label}:${s.points.length}`).join(' ')}
      role="img"
      aria-label={`Median tick age per second, latest: ${summary}`}
    />
  );
}
