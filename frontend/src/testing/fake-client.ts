import { fakeTransports } from './fake-transport';
import type { MarketSink } from '../lib/stream/market-sink';
import type { Quote, Tick } from '../lib/stream/protocol';
import { ReconnectPolicy } from '../lib/stream/reconnect-policy';
import { StreamClient } from '../lib/stream/stream-client';
import type { StreamClientOptions } from '../lib/stream/stream-client-options';

export const tick = (symbol: string, seq: number, time = 0): Tick => ({ symbol, seq, price: 10 + seq, size: 1, time });
export const quote = (symbol: string, seq: number): Quote => ({ symbol, seq, price: 10, open: 10, high: 10, low: 10, volume: 0, time: 0 });

/** A started client on fake transports, watching AAPL and MSFT, with backoff of 100·2^n ms exactly. */
export function fakeClient(options: Partial<StreamClientOptions> = {}) {
  const fakes = fakeTransports();
  const received: Tick[] = [];
  const sink: MarketSink = { applySnapshot: () => {}, applyTicks: (t) => received.push(...t), setMarketState: () => {}, setEpoch: () => {} };
  const client = new StreamClient({
    baseUrl: 'http://test',
    choice: 'ws-msgpack',
    symbols: ['AAPL', 'MSFT'],
    sink,
    transports: fakes.factory,
    policy: new ReconnectPolicy({ baseMs: 100, maxMs: 1000 }, () => 1),
    now: () => Date.now(),
    ...options,
  });
  client.start();
  return { client, fakes, received };
}
