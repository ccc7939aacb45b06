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

  it('starts empty from unreadable storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('stockstream.watchlist.v1', '{not json');
    expect(new WatchlistStore(storage as unknown as Storage).isEmpty).toBe(true);
  });
});
