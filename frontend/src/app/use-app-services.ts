import { useEffect, useState } from 'react';
import { MarketStore } from '../lib/market/market-store';
import { WatchlistStore } from '../lib/market/watchlist-store';
import { StreamClient } from '../lib/stream/stream-client';
import type { Rejection } from '../lib/stream/protocol';
import { TRANSPORT_LABELS, type TransportChoice } from '../lib/stream/transport';

const TRANSPORT_KEY = 'stockstream.transport.v1';

export interface AppServices {
  baseUrl: string;
  market: MarketStore;
  watchlist: WatchlistStore;
  client: StreamClient;
  chooseTransport(choice: TransportChoice): void;
}

/**
 * The page's one market store, watchlist and stream client, created once; the client runs while
 * the app is mounted and follows the watchlist. Rejected symbols leave the watchlist and are
 * handed to `onRejected`, which must be stable (a state setter).
 */
export function useAppServices(onRejected: (rejections: Rejection[]) => void): AppServices {
  const [services] = useState(() => {
    const baseUrl = window.location.origin;
    const market = new MarketStore();
    const watchlist = new WatchlistStore(window.localStorage);
    const client = new StreamClient({
      baseUrl,
      choice: storedChoice(),
      symbols: watchlist.getSnapshot().symbols,
      sink: market,
      onRejected: (rejections) => {
        watchlist.remove(...rejections.map((r) => r.symbol));
        onRejected(rejections);
      },
    });
    const chooseTransport = (choice: TransportChoice) => {
      localStorage.setItem(TRANSPORT_KEY, choice);
      client.setTransport(choice);
    };
    return { baseUrl, market, watchlist, client, chooseTransport };
  });

  useEffect(() => {
    const { client, watchlist, market } = services;
    client.start();
    let previous = watchlist.getSnapshot().symbols;
    const unsubscribe = watchlist.subscribe(() => {
      const { symbols } = watchlist.getSnapshot();
      if (symbols === previous) return;
      market.forget(previous.filter((s) => !symbols.includes(s)));
      previous = symbols;
      client.setSymbols(symbols);
    });
    return () => {
      unsubscribe();
      client.stop();
    };
  }, [services]);

  return services;
}

function storedChoice(): TransportChoice {
  const stored = localStorage.getItem(TRANSPORT_KEY);
  return stored && stored in TRANSPORT_LABELS ? (stored as TransportChoice) : 'auto';
}
