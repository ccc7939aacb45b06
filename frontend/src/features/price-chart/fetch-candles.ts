import type { Candle, CandleInterval } from './candle-aggregator';

export const BACKFILL_BARS = 300;

/**
 * Back-fill from `/api/candles/{symbol}`; a server without that endpoint (404) yields no bars,
 * so the chart starts empty and fills from live ticks.
 */
export async function fetchCandles(baseUrl: string, symbol: string, interval: CandleInterval, signal: AbortSignal): Promise<Candle[]> {
  const url = new URL(`/api/candles/${encodeURIComponent(symbol)}`, baseUrl);
  url.searchParams.set('interval', interval);
  url.searchParams.set('count', String(BACKFILL_BARS));
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`candles answered HTTP ${response.status}`);
  if (!response.headers.get('content-type')?.includes('json')) return [];
  const bars = (await response.json()) as Candle[];
  return Array.isArray(bars) ? bars : [];
}
