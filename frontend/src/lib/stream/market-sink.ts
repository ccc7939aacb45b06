import type { MarketState, Quote, Tick } from './protocol';

/** Where a stream client puts market data (the app's market store); ticks arrive in frame batches. */
export interface MarketSink {
  applySnapshot(quotes: readonly Quote[]): void;
  applyTicks(ticks: readonly Tick[]): void;
  setMarketState(state: MarketState): void;
  /** The stream's incarnation, from each Hello ('' when the transport cannot tell). */
  setEpoch(epoch: string): void;
}
