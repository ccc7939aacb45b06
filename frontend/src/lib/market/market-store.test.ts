import { describe, expect, it } from 'vitest';
import type { Quote, Tick } from '../stream/protocol';
import { MarketStore } from './market-store';

const quote = (symbol: string, price: number, open: number): Quote => ({ symbol, seq: 1, price, open, high: price, low: price, volume: 0, time: 0 });
const tick = (symbol: string, seq: number, price: number): Tick => ({ symbol, seq, price, size: 1, time: 0 });

/** A store whose frames the test turns by hand. */
function setup() {
  let now = 0;
  const frames: (() => void)[] = [];
  const store = new MarketStore(() => now, (run) => frames.push(run));
  const frame = (at: number) => {
    now = at;
    frames.splice(0).forEach((run) => run());
    return store.view.getSnapshot();
  };
  return { store, frame };
}

describe('MarketStore', () => {
  it('coalesces any number of ticks into one view per frame, with change since the open', () => {
    const { store, frame } = setup();
    let notified = 0;
    store.view.subscribe(() => notified++);
    store.applySnapshot([quote('AAPL', 100, 98)]);
    for (let seq = 2; seq < 50; seq++) store.applyTicks([tick('AAPL', seq, 100 + seq / 100)]);
    const row = frame(16).rows.get('AAPL')!;
    expect(notified).toBe(1);
    expect(row).toMatchObject({ price: 100.49, open: 98, ticks: 48 });
    expect(row.change).toBeCloseTo(2.49);
    expect(row.changePct).toBeCloseTo(2.54, 2);
  });

  it('says which way the price moved, flashing for 250 ms at most every 400 ms', () => {
    const { store, frame } = setup();
    const row = () => store.view.getSnapshot().rows.get('AAPL')!;
    store.applySnapshot([quote('AAPL', 100, 100)]);
    frame(0);
    expect(row()).toMatchObject({ direction: null, flashing: false });
    store.applyTicks([tick('AAPL', 2, 101)]);
    frame(500);
    expect(row()).toMatchObject({ direction: 'up', flashing: true });
    store.applyTicks([tick('AAPL', 3, 99)]);
    frame(600);
    expect(row()).toMatchObject({ direction: 'down', flashing: true }); // still the flash from 500
    store.applyTicks([tick('AAPL', 4, 98)]);
    frame(800);
    expect(row()).toMatchObject({ direction: 'down', flashing: false }); // too soon for a new one
    frame(1000);
    expect(row()).toMatchObject({ direction: 'down', flashing: false });
    store.applyTicks([tick('AAPL', 5, 99)]);
    frame(1100);
    expect(row()).toMatchObject({ direction: 'up', flashing: true });
  });

  it('keeps unchanged rows as the same objects, so memoised rows skip rendering', () => {
    const { store, frame } = setup();
    store.applySnapshot([quote('AAPL', 1, 1), quote('MSFT', 2, 2)]);
    const first = frame(10);
    store.applyTicks([tick('MSFT', 2, 3)]);
    const second = frame(20);
    expect(second.rows.get('AAPL')).toBe(first.rows.get('AAPL'));
    expect(second.rows.get('MSFT')).not.toBe(first.rows.get('MSFT'));
  });

  it('hands every tick batch to tick listeners and forgets removed symbols', () => {
    const { store, frame } = setup();
    const batches: number[] = [];
    const off = store.onTicks((ticks) => batches.push(ticks.length));
    store.applyTicks([tick('AAPL', 1, 1), tick('AAPL', 2, 2)]);
    off();
    store.applyTicks([tick('AAPL', 3, 3)]);
    expect(batches).toEqual([2]);
    store.forget(['AAPL']);
    expect(frame(10).rows.has('AAPL')).toBe(false);
  });

  it('shows ▲/▼ as the change since the session open, not the last move', () => {
    const { store, frame } = setup();
    store.applySnapshot([quote('AAPL', 100, 98)]);
    frame(0);
    store.applyTicks([tick('AAPL', 2, 99)]);
    expect(frame(10).rows.get('AAPL')).toMatchObject({ trend: 'up', direction: 'down' });
    store.applyTicks([tick('AAPL', 3, 97)]);
    expect(frame(20).rows.get('AAPL')).toMatchObject({ trend: 'down', direction: 'down' });
  });

  it('starts a new session when the market opens after a close: the open becomes the last price', () => {
    const { store, frame } = setup();
    store.applySnapshot([quote('AAPL', 100, 90)]);
    store.setMarketState('closed');
    store.setMarketState('open');
    expect(frame(10).rows.get('AAPL')).toMatchObject({ open: 100, change: 0, trend: null });
    store.setMarketState('halted');
    store.applyTicks([tick('AAPL', 2, 101)]);
    store.setMarketState('open');
    expect(frame(20).rows.get('AAPL')).toMatchObject({ open: 100, trend: 'up' }); // a halt is no new session
  });

  it('tells epoch listeners only when an epoch follows another', () => {
    const { store } = setup();
    let restarts = 0;
    store.onEpoch(() => restarts++);
    store.setEpoch('a');
    store.setEpoch('a');
    store.setEpoch('');
    expect(restarts).toBe(0);
    store.setEpoch('b');
    expect(restarts).toBe(1);
  });
});
