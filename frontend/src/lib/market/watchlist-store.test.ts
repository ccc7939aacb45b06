import { describe, expect, it } from 'vitest';
import { WatchlistStore } from './watchlist-store';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('WatchlistStore', () => {
  it('survives a reload through storage, selection included', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const before = new WatchlistStore(storage);
    before.add('aapl');
    before.add('MSFT');
    before.select('MSFT');
    expect(new WatchlistStore(storage).getSnapshot()).toEqual({ symbols: ['AAPL', 'MSFT'], selected: 'MSFT' });
  });

  it('ignores duplicates and moves the selection off a removed symbol', () => {
    const list = new WatchlistStore(null);
    list.add('AAPL');
    list.add('AAPL');
    list.add('MSFT');
    list.remove('AAPL');
    expect(list.getSnapshot()).toEqual({ symbols: ['MSFT'], selected: 'MSFT' });
  });

  it('removes several symbols in one change, so a listener never sees a list in between', () => {
    const list = new WatchlistStore(null);
    ['AAPL', 'MSFT', 'NVDA', 'AMZN'].forEach((s) => list.add(s));
    list.select('NVDA');
    const seen: (readonly string[])[] = [];
    list.subscribe(() => seen.push(list.getSnapshot().symbols));
    list.remove('NVDA', 'AMZN', 'TSLA');
    list.remove('TSLA');
    expect(seen).toEqual([['AAPL', 'MSFT']]);
    expect(list.getSnapshot().selected).toBe('AAPL');
  });

  it('seeds defaults on a first visit only, never into a list the user emptied', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const first = new WatchlistStore(storage);
    first.seed(['AAPL', 'MSFT']);
    expect(first.getSnapshot()).toEqual({ symbols: ['AAPL', 'MSFT'], selected: 'AAPL' });
    first.remove('AAPL');
    first.remove('MSFT');
    const later = new WatchlistStore(storage);
    later.seed(['AAPL', 'MSFT']);
    expect(later.getSnapshot().symbols).toEqual([]);
  });

  it('treats unreadable storage as a first visit', () => {
    const storage = new MemoryStorage();
    storage.setItem('stockstream.watchlist.v1', '{not json');
    const list = new WatchlistStore(storage as unknown as Storage);
    list.seed(['AAPL']);
    expect(list.getSnapshot().symbols).toEqual(['AAPL']);
  });

  it('refuses past the server\'s symbol limit and says why, and refuses what is not a symbol', () => {
    const list = new WatchlistStore(null);
    list.setLimit(2);
    expect(list.add('AAPL')).toBeNull();
    expect(list.add('MSFT')).toBeNull();
    expect(list.add('NVDA')).toMatch(/at most 2 symbols/);
    expect(list.add('AAPL')).toBeNull(); // already there: nothing to refuse
    expect(list.add('no way')).toMatch(/not a symbol/);
    expect(list.getSnapshot().symbols).toEqual(['AAPL', 'MSFT']);
  });
});
