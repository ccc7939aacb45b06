import { animationFramesAtMost, CoalescedStore, type Schedule } from '../store/coalesced-store';
import type { MarketSink } from '../stream/market-sink';
import type { MarketState, Quote, Tick } from '../stream/protocol';
import { flashEnded, newLiveSymbol, nextRow, type LiveSymbol, type SymbolRow } from './live-symbol';

export interface MarketView {
  rows: ReadonlyMap<string, SymbolRow>;
  market: MarketState | null;
}

// A price redrawn 60 times a second cannot be read, and each redraw of 50 rows costs style,
// layout and paint; a dozen refreshes a second look live and leave the frame budget to the chart.
const VIEW_REFRESHES_PER_SECOND = 12;
const SPARK_POINTS = 60;

/**
 * Latest state per symbol, mutated per tick without React; the view is rebuilt at most once per
 * animation frame (and at most 12 times a second), and only rows that changed get new objects
 * (so memoised rows skip renders).
 */
export class MarketStore implements MarketSink {
  readonly view: CoalescedStore<MarketView>;
  private readonly live = new Map<string, LiveSymbol>();
  private readonly dirty = new Set<string>();
  private readonly tickListeners = new Set<(ticks: readonly Tick[]) => void>();
  private readonly epochListeners = new Set<() => void>();
  private market: MarketState | null = null;
  private epoch: string | null = null;
  private rows = new Map<string, SymbolRow>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    schedule: Schedule = animationFramesAtMost(VIEW_REFRESHES_PER_SECOND),
  ) {
    this.view = new CoalescedStore(() => this.build(), schedule);
  }

  applySnapshot(quotes: readonly Quote[]): void {
    for (const quote of quotes) {
      const live = this.entry(quote.symbol, quote.price);
      live.price = quote.price;
      live.open = quote.open;
      this.dirty.add(quote.symbol);
    }
    this.view.invalidate();
  }

  applyTicks(ticks: readonly Tick[]): void {
    for (const tick of ticks) {
      const live = this.entry(tick.symbol, tick.price);
      live.price = tick.price;
      live.ticks++;
      this.dirty.add(tick.symbol);
    }
    this.tickListeners.forEach((listener) => listener(ticks));
    this.view.invalidate();
  }

  /** A market that opens after being closed starts a new session: its open is the last price. */
  setMarketState(state: MarketState): void {
    if (this.market === 'closed' && state === 'open') {
      for (const [symbol, live] of this.live) {
        live.open = live.price;
        this.dirty.add(symbol);
      }
    }
    this.market = state;
    this.view.invalidate();
  }

  /** A new epoch after another means the stream restarted: its prices do not continue the old ones. */
  setEpoch(epoch: string): void {
    if (epoch === '' || epoch === this.epoch) return;
    const restarted = this.epoch !== null;
    this.epoch = epoch;
    if (restarted) this.epochListeners.forEach((listener) => listener());
  }

  onEpoch(listener: () => void): () => void {
    this.epochListeners.add(listener);
    return () => this.epochListeners.delete(listener);
  }

  /** Every tick batch as it arrives, for consumers that aggregate (charts); called synchronously. */
  onTicks(listener: (ticks: readonly Tick[]) => void): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  forget(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.live.delete(symbol);
      this.dirty.add(symbol);
    }
    this.view.invalidate();
  }

  private entry(symbol: string, price: number): LiveSymbol {
    let live = this.live.get(symbol);
    if (!live) {
      // Staggered sampling phases, so the sparklines do not all redraw in the same frame.
      const sparkAt = this.now() - ((this.live.size * 37) % 1000);
      live = newLiveSymbol(price, sparkAt);
      this.live.set(symbol, live);
    }
    return live;
  }

  private build(): MarketView {
    const now = this.now();
    for (const [symbol, live] of this.live) {
      if (flashEnded(live, now)) this.dirty.add(symbol);
      if (now - live.sparkAt < 1000) continue;
      live.spark = [...live.spark.slice(1 - SPARK_POINTS), live.price];
      live.sparkAt = now;
      this.dirty.add(symbol);
    }
    if (this.dirty.size > 0) {
      this.rows = new Map(this.rows);
      for (const symbol of this.dirty) {
        const live = this.live.get(symbol);
        if (live) this.rows.set(symbol, nextRow(symbol, live, now));
        else this.rows.delete(symbol);
      }
      this.dirty.clear();
    }
    return { rows: this.rows, market: this.market };
  }
}
