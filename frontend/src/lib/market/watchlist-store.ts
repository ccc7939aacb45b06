import { SYMBOL_PATTERN } from '../stream/protocol';

export interface Watchlist {
  symbols: readonly string[];
  selected: string | null;
}

const KEY = 'stockstream.watchlist.v1';

/** The watched symbols and the selected one, kept in localStorage so they survive a reload. */
export class WatchlistStore {
  private state: Watchlist;
  private fresh: boolean;
  private limit: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | null) {
    const stored = load(storage);
    this.fresh = stored === null;
    this.state = stored ?? { symbols: [], selected: null };
  }

  /** Fills a first visit's empty watchlist; a list the user emptied stays empty. */
  seed(symbols: readonly string[]): void {
    if (this.fresh && symbols.length > 0) this.set({ symbols, selected: symbols[0] });
  }

  /** The most symbols the server lets one connection hold (null: not known yet). */
  setLimit(limit: number | null): void {
    this.limit = limit;
  }

  /** Adds a symbol; returns why it was not added, or null. */
  add(symbol: string): string | null {
    const s = symbol.trim().toUpperCase();
    if (!isValidSymbol(s)) return `“${symbol.trim()}” is not a symbol (1–12 of A–Z 0–9 . -)`;
    if (this.state.symbols.includes(s)) return null;
    if (this.limit !== null && this.state.symbols.length >= this.limit)
      return `The server streams at most ${this.limit} symbols to one connection: remove one first.`;
    this.set({ symbols: [...this.state.symbols, s], selected: this.state.selected ?? s });
    return null;
  }

  /** Removes the symbols in one change: listeners see the list without all of them, never a list in between. */
  remove(...removed: string[]): void {
    const symbols = this.state.symbols.filter((s) => !removed.includes(s));
    if (symbols.length === this.state.symbols.length) return;
    const selected = this.state.selected !== null && removed.includes(this.state.selected) ? (symbols[0] ?? null) : this.state.selected;
    this.set({ symbols, selected });
  }

  select(symbol: string): void {
    if (this.state.symbols.includes(symbol)) this.set({ ...this.state, selected: symbol });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Watchlist => this.state;

  private set(state: Watchlist): void {
    this.fresh = false;
    this.state = state;
    this.storage?.setItem(KEY, JSON.stringify(state));
    this.listeners.forEach((listener) => listener());
  }
}

function load(storage: Storage | null): Watchlist | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Watchlist>;
    const symbols = Array.isArray(value.symbols) ? value.symbols.filter((s) => typeof s === 'string') : [];
    const selected = typeof value.selected === 'string' && symbols.includes(value.selected) ? value.selected : (symbols[0] ?? null);
    return { symbols, selected };
  } catch {
    return null;
  }
}

export function isValidSymbol(symbol: string): boolean {
  return SYMBOL_PATTERN.test(symbol);
}
