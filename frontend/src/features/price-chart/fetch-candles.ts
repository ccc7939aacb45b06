import type { Candle, CandleInterval } from './candle-aggregator';

/**
 * As many bars as `/api/candles` serves (its `count` limit, 1,000 today). The server builds them
 * from the ticks it still holds (Streaming:HistorySeconds, 300 s by default, and at most
 * HistoryMaxTicksPerSymbol ticks), which bounds 1m back-fill to about five bars; the chart keeps
 * every bar it builds live after that.
 */
export const BACKFILL_BARS = 1000;

/**
 * Back-fill from `/api/candles/{symbol}`. A 400 stating a lower `max` count is asked again with
 * it; a server without that endpoint (404) yields no bars, so the chart fills from live ticks.
 */
export async function fetchCandles(baseUrl: string, symbol: string, interval: CandleInterval, signal: AbortSignal): Promise<Candle[]> {
  let count = BACKFILL_BARS;
  for (let attempt = 0; attempt < 2; attempt++) {
    const url = new URL(`/api/candles/${encodeURIComponent(symbol)}`, baseUrl);
    url.searchParams.set('interval', interval);
    url.searchParams.set('count', String(count));
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (response.status === 404) return [];
    if (response.status === 400) {
      const max = ((await response.json().catch(() => null)) as { max?: unknown } | null)?.max;
      if (typeof max === 'number' && max >= 1 && max < count) {
        count = max;
        continue;
      }
    }
    if (!response.ok) throw new Error(`candles answered HTTP ${response.status}`);
    if (!response.headers.get('content-type')?.includes('json')) return [];
    const bars = (await response.json()) as Candle[];
    return Array.isArray(bars) ? bars : [];
  }
  throw new Error('candles refused every count');
}
