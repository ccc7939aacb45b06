import { useState } from 'react';
import type { CandleInterval } from './candle-aggregator';

export type ChartView = 'candles' | 'line';

export interface ChartSettings {
  interval: CandleInterval;
  view: ChartView;
}

const KEY = 'stockstream.chart.v1';
const DEFAULTS: ChartSettings = { interval: '1s', view: 'candles' };
const INTERVALS: readonly string[] = ['1s', '5s', '1m'];

/** The chart's interval and Candles/Line choice, kept in localStorage across reloads. */
export function useChartSettings(): [ChartSettings, (patch: Partial<ChartSettings>) => void] {
  const [settings, setSettings] = useState(load);
  const update = (patch: Partial<ChartSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage full or disabled: the choice lasts for this page only
    }
  };
  return [settings, update];
}

function load(): ChartSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ChartSettings> | null;
    return {
      interval: INTERVALS.includes(stored?.interval ?? '') ? stored!.interval! : DEFAULTS.interval,
      view: stored?.view === 'line' ? 'line' : DEFAULTS.view,
    };
  } catch {
    return DEFAULTS;
  }
}
