/** One watchlist row as the UI sees it: an immutable snapshot. */
export interface SymbolRow {
  symbol: string;
  price: number;
  /** The session's opening price, from the latest Quote. */
  open: number;
  change: number;
  changePct: number;
  /** The way the price moved since the session open (▲/▼). */
  trend: 'up' | 'down' | null;
  /** The way the last move went (the flash's tint). */
  direction: 'up' | 'down' | null;
  /** True for FLASH_FOR_MS after a move; a new flash starts at most every FLASH_EVERY_MS. */
  flashing: boolean;
  ticks: number;
  /** One price per second, oldest first. */
  spark: readonly number[];
}

/** The mutable per-symbol state behind a row, updated per tick. */
export interface LiveSymbol {
  price: number;
  open: number;
  ticks: number;
  spark: number[];
  sparkAt: number;
  flashAt: number;
  row: SymbolRow | null;
}

const FLASH_EVERY_MS = 400;
const FLASH_FOR_MS = 250;

export function newLiveSymbol(price: number, sparkAt: number): LiveSymbol {
  return { price, open: price, ticks: 0, spark: [price], sparkAt, flashAt: -Infinity, row: null };
}

/** A row still shown flashing whose flash is over: it needs rebuilding even without a tick. */
export function flashEnded(live: LiveSymbol, now: number): boolean {
  return live.row !== null && live.row.flashing && now - live.flashAt >= FLASH_FOR_MS;
}

/** The row for the symbol's current state, remembering it as the one to compare the next against. */
export function nextRow(symbol: string, live: LiveSymbol, now: number): SymbolRow {
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
    trend: change > 0 ? 'up' : change < 0 ? 'down' : null,
    direction,
    flashing: now - live.flashAt < FLASH_FOR_MS,
    ticks: live.ticks,
    spark: live.spark,
  };
  return live.row;
}
