import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ConnectionBar } from '../features/connection/connection-bar';
import { MarketBanner } from '../features/connection/market-banner';
import { Inspector } from '../features/inspector/inspector';
import { LatencyPanel } from '../features/latency/latency-panel';
import { useInstruments } from '../features/watchlist/use-instruments';
import { Watchlist } from '../features/watchlist/watchlist';
import { useStore, useStoreSelector } from '../lib/store/use-store';
import { browserClock } from '../lib/stream/clock-offset';
import type { Rejection } from '../lib/stream/protocol';
import { useAppServices } from './use-app-services';

const DEFAULT_WATCHLIST_SIZE = 6;

// The chart library is most of the bundle: loaded apart, evaluating it is a task of its own
// after the first render instead of part of one long task on page load.
const PriceChart = lazy(() => import('../features/price-chart/price-chart').then((m) => ({ default: m.PriceChart })));

export function App() {
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const { baseUrl, market, watchlist, client, chooseTransport } = useAppServices(setRejections);
  const epoch = useStoreSelector(client.status, (status) => status.hello?.epoch);
  const connected = useStoreSelector(client.status, (status) => status.hello !== null && status.state !== 'reconnecting' && status.state !== 'stopped');
  const { instruments, error } = useInstruments(baseUrl, epoch);
  const { symbols, selected } = useStore(watchlist);
  const marketState = useStoreSelector(market.view, (view) => view.market);
  const maxSymbols = useStoreSelector(client.status, (status) => status.maxSymbols);
  const serverNowMs = useCallback(() => client.clock.serverNowMs(browserClock()), [client]);

  useEffect(() => watchlist.setLimit(maxSymbols), [watchlist, maxSymbols]);

  useEffect(() => {
    watchlist.seed(instruments.slice(0, DEFAULT_WATCHLIST_SIZE).map((i) => i.symbol));
  }, [instruments, watchlist]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>StockStream</h1>
        <ConnectionBar client={client} onChoose={chooseTransport} />
      </header>
      <MarketBanner state={marketState} connected={connected} />
      {error && <p className="notice error">Could not load symbols: {error}</p>}
      <main className="layout">
        <Watchlist
          market={market}
          watchlist={watchlist}
          instruments={instruments}
          rejections={rejections}
          limit={maxSymbols}
          onDismissRejections={() => setRejections([])}
        />
        <Suspense fallback={<section className="panel price-chart price-chart-loading" aria-label="Price chart" aria-busy="true" />}>
          <PriceChart store={market} baseUrl={baseUrl} symbol={selected} serverNowMs={serverNowMs} />
        </Suspense>
        <LatencyPanel client={client} baseUrl={baseUrl} symbols={symbols} />
        <Inspector client={client} />
      </main>
    </div>
  );
}
