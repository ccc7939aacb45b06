import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockOffset } from './clock-offset';
import { fakeClient as setup, quote, tick } from '../../testing/fake-client';

describe('StreamClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes once the Hello arrives, without resume on a first connection', () => {
    const { fakes } = setup();
    fakes.last().open();
    fakes.last().hello('e1');
    expect(fakes.last().subscriptions).toEqual([{ symbols: ['AAPL', 'MSFT'], resume: null }]);
  });

  it('after a drop, reconnects with backoff and resumes from the last seqs when the epoch matches', () => {
    const { fakes } = setup();
    const first = fakes.last();
    first.open();
    first.hello('e1');
    first.receive({ kind: 'snapshot', quotes: [quote('AAPL', 5), quote('MSFT', 9)] });
    first.receive({ kind: 'ticks', ticks: [tick('AAPL', 6), tick('AAPL', 7)], flags: 0 });
    first.drop(true);

    expect(fakes.created).toHaveLength(1);
    vi.advanceTimersByTime(99);
    expect(fakes.created).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = fakes.last();
    expect(second).not.toBe(first);
    second.open();
    second.hello('e1');
    expect(second.subscriptions).toEqual([{ symbols: ['AAPL', 'MSFT'], resume: { AAPL: 7, MSFT: 9 } }]);
  });

  it('does not resume across epochs: the seqs of the old stream mean nothing in the new one', () => {
    const { fakes } = setup();
    fakes.last().hello('e1');
    fakes.last().receive({ kind: 'snapshot', quotes: [quote('AAPL', 5)] });
    fakes.last().drop(true);
    vi.runOnlyPendingTimers();
    fakes.last().hello('e2');
    expect(fakes.last().subscriptions).toEqual([{ symbols: ['AAPL', 'MSFT'], resume: null }]);
  });

  it('backs off exponentially while reconnects fail, and from the base again after a Hello', () => {
    const { fakes } = setup();
    const reconnectDelay = (wasOpen: boolean) => {
      const before = Date.now();
      const count = fakes.created.length;
      fakes.last().drop(wasOpen);
      while (fakes.created.length === count) vi.advanceTimersByTime(1);
      return Date.now() - before;
    };
    expect([reconnectDelay(false), reconnectDelay(false), reconnectDelay(false)]).toEqual([100, 200, 400]);
    fakes.last().hello('e1');
    expect(reconnectDelay(true)).toBe(100);
  });

  it('counts unannounced seq gaps, conflated frames and missed answers, and drops repeated ticks', () => {
    const { client, fakes, received } = setup();
    const t = fakes.last();
    t.hello('e1');
    t.receive({ kind: 'snapshot', quotes: [quote('AAPL', 1)] });
    t.receive({ kind: 'ticks', ticks: [tick('AAPL', 2), tick('AAPL', 4)], flags: 0 });
    t.receive({ kind: 'ticks', ticks: [tick('AAPL', 9)], flags: 1 });
    t.receive({ kind: 'ticks', ticks: [tick('AAPL', 9), tick('AAPL', 10)], flags: 0 });
    t.receive({ kind: 'ticks', ticks: [tick('AAPL', 15)], flags: 2 }); // an HTTP answer saying ticks were missed
    const { gaps, conflatedFrames, missed, ticks } = client.session.snapshot();
    expect({ gaps, conflatedFrames, missed, ticks }).toEqual({ gaps: 1, conflatedFrames: 1, missed: 1, ticks: 5 });
    expect(received.map((r) => r.seq)).toEqual([2, 4, 9, 10, 15]);
  });

  it('drops ticks still in flight for a symbol just unsubscribed, and resumes it fresh later', () => {
    const { client, fakes, received } = setup();
    const t = fakes.last();
    t.hello('e1');
    t.receive({ kind: 'ticks', ticks: [tick('MSFT', 5)], flags: 0 });
    client.setSymbols(['AAPL']);
    t.receive({ kind: 'ticks', ticks: [tick('MSFT', 6), tick('AAPL', 1)], flags: 0 });
    expect(received.map((r) => `${r.symbol}#${r.seq}`)).toEqual(['MSFT#5', 'AAPL#1']);
    client.setSymbols(['AAPL', 'MSFT']);
    expect(t.subscriptions.at(-1)).toEqual({ symbols: ['AAPL', 'MSFT'], resume: { AAPL: 1 } });
  });

  it('reports rejected symbols', () => {
    const onRejected = vi.fn();
    const { fakes } = setup({ onRejected });
    fakes.last().hello('e1');
    fakes.last().receive({ kind: 'suback', reqId: 1, accepted: ['AAPL'], rejected: [{ symbol: 'NOPE', reason: 'unknown symbol' }] });
    expect(onRejected).toHaveBeenCalledWith([{ symbol: 'NOPE', reason: 'unknown symbol' }]);
  });

  it('pings over WebSocket and measures tick age against the server clock', () => {
    const clock = new ClockOffset();
    const { client, fakes } = setup({ clock, now: () => 10_000 });
    fakes.last().hello('e1');
    expect(fakes.last().pings).toEqual([10_000]);
    // The server's clock runs 500 ms ahead; the round trip took no time.
    fakes.last().receive({ kind: 'pong', clientTime: 10_000, serverTime: 10_500_000 });
    fakes.last().receive({ kind: 'ticks', ticks: [tick('AAPL', 1, 10_480_000)], flags: 0 });
    expect(client.session.snapshot().latency?.p50).toBe(20);
  });

  it('keeps figures per transport: a switch shows the new one from zero, a switch back the old ones', () => {
    const { client, fakes } = setup();
    fakes.last().hello('e1');
    fakes.last().options.listener.frame('in', 100, { kind: 'ticks', ticks: [], flags: 0 });
    fakes.last().receive({ kind: 'ticks', ticks: [tick('AAPL', 1), tick('AAPL', 2)], flags: 0 });
    expect(client.session.snapshot()).toMatchObject({ transport: 'ws-msgpack', ticks: 2, bytesPerTick: 50, requests: 0 });

    client.setTransport('sse');
    const sse = fakes.last();
    sse.options.listener.request();
    sse.hello('e1');
    expect(client.session.snapshot()).toMatchObject({ transport: 'sse', ticks: 0, bytesPerTick: null, requests: 1 });
    sse.receive({ kind: 'ticks', ticks: [tick('AAPL', 3)], flags: 0 });
    expect(client.session.snapshot()).toMatchObject({ transport: 'sse', ticks: 1 });

    client.setTransport('ws-msgpack');
    expect(client.session.snapshot()).toMatchObject({ transport: 'ws-msgpack', ticks: 2, bytesPerTick: 50 });
  });
});
