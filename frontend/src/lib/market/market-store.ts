import { animationFramesAtMost, CoalescedStore, type Schedule } from '../store/coalesced-store';
import type { MarketSink } from '../stream/market-sink';
import type { MarketState, Quote, Tick } from '../stream/protocol';

export interface SymbolRow {
  symbol: string;
  price: number;
  /** The session's opening price, from the latest Quote. */
  open: number;
  change: number;
  changePct: number;
  direction: 'up' | 'down' | null;
  /** True for FLASH_FOR_MS after a move; a new flash starts at most every FLASH_EVERY_MS. */
  flashing: boolean;
  ticks: number;
  /** One price per second, oldest first. */
  spark: readonly number[];
}

export interface MarketView {
  rows: ReadonlyMap<string, SymbolRow>;
  market: MarketState | null;
}

const FLASH_EVERY_MS = 400;
const FLASH_FOR_MS = 250;
// A price redrawn 60 times a second cannot be read, and each redraw of 50 rows costs style,
// layout and paint; a dozen refreshes a second look live and leave the frame budget to the chart.
const VIEW_REFRESHES_PER_SECOND = 12;
const SPARK_POINTS = 60;

interface Live {
  price: number;
  open: number;
  ticks: number;
  spark: number[];
  sparkAt: number;
  flashAt: number;
  row: SymbolRow | null;
}

/**
 * Latest state per symbol, mutated per tick without React; the view is rebuilt at most once per
 * animation frame (and at most 12 times a second), and only rows that changed get new objects
 * (so memoised rows skip renders).
 */
export class MarketStore implements MarketSink {
  readonly view: CoalescedStore<MarketView>;
  private readonly live = new Map<string, Live>();
  private readonly dirty = new Set<string>();
  private readonly tickListeners = new Set<(ticks: readonly Tick[]) => void>();
  private market: MarketState | null = null;
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

  setMarketState(state: MarketState): void {
    this.market = state;
    this.view.invalidate();
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

  private entry(symbol: string, price: number): Live {
    let live = this.live.get(symbol);
    if (!live) {
      // Staggered sampling phases, so the sparklines do not all redraw in the same frame.
      const sparkAt = this.now() - ((this.live.size * 37) % 1000);
      live = { price, open: price, ticks: 0, spark: [price], sparkAt, flashAt: -Infinity, row: null };
      this.live.set(symbol, live);
    }
    return live;
  }

  private build(): MarketView {
    const now = this.now();
    for (const [symbol, live] of this.live) {
      if (live.row?.flashing && now - live.flashAt >= FLASH_FOR_MS) this.dirty.add(symbol);
      if (now - live.sparkAt < 1000) continue;
      live.spark = [...live.spark.slice(1 - SPARK_POINTS), live.price];
      live.sparkAt = now;
      this.dirty.add(symbol);
    }
    if (this.dirty.size > 0) {
      this.rows = new Map(this.rows);
      for (const symbol of this.dirty) {
        const live = this.live.get(symbol);
        if (live) this.rows.set(symbol, this.row(symbol, live, now));
        else this.rows.delete(symbol);
      }
      this.dirty.clear();
    }
    return { rows: this.rows, market: this.market };
  }

  private row(symbol: string, live: Live, now: number): SymbolRow {
    const previous = live.row;
    const moved = previous !== null && live.price !== previous.price;
    const direction = moved ? (live.price > previous.price ? 'up' : 'down') : (previous?.direction ?? null);
    if (moved && now - live.flashAt >= FLASH_EVERY_MS) live.flashAt = now;
    const change = live.price - live.open;
    live.row = {
      symbol,
      price: live.price,
      open: live.open,
      change,
      changePct: live.open !== 0 ? (change / live.open) * 100 : 0,
      direction,
      flashing: now - live.flashAt < FLASH_FOR_MS,
      ticks: live.ticks,
      spark: live.spark,
    };
    return live.row;
  }
}
