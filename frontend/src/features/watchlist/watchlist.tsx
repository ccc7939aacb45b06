import { useCallback, useMemo } from 'react';
import type { MarketStore } from '../../lib/market/market-store';
import type { WatchlistStore } from '../../lib/market/watchlist-store';
import { useStore } from '../../lib/store/use-store';
import type { Rejection } from '../../lib/stream/protocol';
import { SymbolPicker } from './symbol-picker';
import type { Instrument } from './use-instruments';
import { WatchlistRow } from './watchlist-row';

interface Props {
  market: MarketStore;
  watchlist: WatchlistStore;
  instruments: readonly Instrument[];
  rejections: readonly Rejection[];
  /** The server's symbol limit, once known. */
  limit: number | null;
  onDismissRejections(): void;
}

export function Watchlist({ market, watchlist, instruments, rejections, limit, onDismissRejections }: Props) {
  const { symbols, selected } = useStore(watchlist);
  const { rows } = useStore(market.view);
  const names = useMemo(() => new Map(instruments.map((i) => [i.symbol, i.name])), [instruments]);
  const select = useCallback((symbol: string) => watchlist.select(symbol), [watchlist]);
  const remove = useCallback((symbol: string) => watchlist.remove(symbol), [watchlist]);

  return (
    <section className="panel watchlist" aria-label="Watchlist">
      <header className="panel-header">
        <h2>Watchlist</h2>
        <SymbolPicker instruments={instruments} watched={symbols} onAdd={(s) => watchlist.add(s)} />
        <span className="muted count" data-testid="watch-count">
          {symbols.length}
          {limit !== null && ` / ${limit}`}
        </span>
      </header>
      {rejections.length > 0 && (
        <div className="notice error" role="alert">
          {rejections.map((r) => (
            <p key={r.symbol}>
              <strong>{r.symbol}</strong> rejected: {r.reason}
            </p>
          ))}
          <button className="icon" aria-label="Dismiss" onClick={onDismissRejections}>×</button>
        </div>
      )}
      <table>
        <colgroup>
          <col className="c-symbol" />
          <col className="c-price" />
          <col className="c-change abs" />
          <col className="c-change" />
          <col className="c-spark" />
          <col className="c-ticks" />
          <col className="c-remove" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col" className="num">Last</th>
            <th scope="col" className="num abs">Change</th>
            <th scope="col" className="num">%</th>
            <th scope="col">1 min</th>
            <th scope="col" className="num">Ticks</th>
            <th scope="col"><span className="visually-hidden">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {symbols.map((symbol) => (
            <WatchlistRow
              key={symbol}
              symbol={symbol}
              name={names.get(symbol) ?? ''}
              row={rows.get(symbol)}
              selected={symbol === selected}
              onSelect={select}
              onRemove={remove}
            />
          ))}
        </tbody>
      </table>
      {symbols.length === 0 && <p className="muted">Add a symbol to start streaming.</p>}
    </section>
  );
}
