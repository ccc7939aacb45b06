import { describe, expect, it } from 'vitest';
import { ReconnectPolicy } from './reconnect-policy';

describe('ReconnectPolicy', () => {
  it('doubles the ceiling per attempt up to the maximum', () => {
    const policy = new ReconnectPolicy({ baseMs: 100, maxMs: 1000 }, () => 1);
    expect([1, 2, 3, 4, 5, 6].map(() => policy.nextDelayMs())).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(policy.attempts).toBe(6);
  });

  it('draws each delay uniformly below the ceiling (full jitter)', () => {
    const draws = [0, 0.5, 0.25];
    const policy = new ReconnectPolicy({ baseMs: 100, maxMs: 10_000 }, () => draws.shift()!);
    expect([policy.nextDelayMs(), policy.nextDelayMs(), policy.nextDelayMs()]).toEqual([0, 100, 100]);
  });

  it('starts from the base again after a reset', () => {
    const policy = new ReconnectPolicy({ baseMs: 100, maxMs: 10_000 }, () => 1);
    policy.nextDelayMs();
    policy.nextDelayMs();
    policy.reset();
    expect(policy.nextDelayMs()).toBe(100);
  });
});
