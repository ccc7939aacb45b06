import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { animationFramesAtMost, CoalescedStore } from './coalesced-store';

describe('CoalescedStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('rebuilds once and tells listeners once per turn, however often it is invalidated', () => {
    let builds = 0;
    const store = new CoalescedStore(() => ++builds);
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 1000; i++) store.invalidate();
    expect(store.getSnapshot()).toBe(1); // the initial build only, until the frame
    vi.runAllTimers();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(2);
  });

  it('with animationFramesAtMost, spaces rebuilds by at least 1/n of a second', () => {
    const at: number[] = [];
    const store = new CoalescedStore(() => at.push(Date.now()), animationFramesAtMost(10));
    at.length = 0;
    const start = Date.now();
    for (let t = 0; t < 1000; t += 5) {
      store.invalidate();
      vi.advanceTimersByTime(5);
    }
    const gaps = at.slice(1).map((time, i) => time - at[i]);
    expect(at[0] - start).toBeLessThan(20);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(at.length).toBeGreaterThanOrEqual(8);
  });
});
