import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTransport } from '../../testing/fake-transport';
import { Pinger } from './pinger';
import type { TransportListener } from './transport';

describe('Pinger', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings in a quick burst after connecting, then at the interval, until stopped', () => {
    const transport = new FakeTransport('ws-msgpack', { baseUrl: '', symbols: [], cursor: null, listener: {} as TransportListener });
    const pinger = new Pinger(() => Date.now(), 2000);
    const start = Date.now();
    pinger.start(transport);
    vi.advanceTimersByTime(4000);
    expect(transport.pings.map((at) => at - start)).toEqual([0, 200, 400, 600, 800, 2800]);
    pinger.stop();
    vi.advanceTimersByTime(10_000);
    expect(transport.pings).toHaveLength(6);
  });
});
