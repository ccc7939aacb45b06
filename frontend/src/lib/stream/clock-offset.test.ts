import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock-offset';

describe('ClockOffset', () => {
  it('takes offset = serverTime − midpoint of send and receive', () => {
    const clock = new ClockOffset();
    // Client sent at 1000 ms, heard back at 1010 ms; the server stamped 1505 ms (in µs).
    clock.addSample(1000, 1010, 1_505_000);
    expect(clock.offsetMs).toBe(500);
    expect(clock.serverNowMs(2000)).toBe(2500);
  });

  it('trusts the sample with the smallest round trip, whose error bound is tightest', () => {
    const clock = new ClockOffset();
    clock.addSample(0, 100, 90_000); // asymmetric slow path: offset 40, rtt 100
    clock.addSample(200, 202, 251_000); // offset 50, rtt 2
    clock.addSample(300, 340, 350_000); // offset 30, rtt 40
    expect(clock.best).toEqual({ rttMs: 2, offsetMs: 50 });
  });

  it('forgets samples beyond its window, and reads 0 until measured', () => {
    const clock = new ClockOffset(2);
    expect(clock.measured).toBe(false);
    expect(clock.offsetMs).toBe(0);
    clock.addSample(0, 1, 10_500); // rtt 1, offset 10
    clock.addSample(10, 15, 32_500); // rtt 5, offset 20
    clock.addSample(20, 25, 52_500); // rtt 5, offset 30: pushes the rtt-1 sample out
    expect(clock.offsetMs).toBe(20);
  });

  it('ignores samples with a negative round trip', () => {
    const clock = new ClockOffset();
    clock.addSample(10, 5, 0);
    expect(clock.measured).toBe(false);
  });

  it('estimates from answers\' serverTime when there is no Ping: the quickest trip bounds it best', () => {
    const clock = new ClockOffset();
    clock.addServerTime(1000, 1_500_000); // written at 1500 server time, seen at 1000: offset ≥ 500
    clock.addServerTime(2000, 2_480_000); // a slower trip: offset ≥ 480
    expect(clock.source).toBe('server-time');
    expect(clock.offsetMs).toBe(500);
    clock.addSample(3000, 3002, 3_001_000 + 400_000); // a Ping round trip wins
    expect(clock.source).toBe('ping');
    expect(clock.offsetMs).toBe(400);
  });
});
