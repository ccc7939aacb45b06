import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient as setup, tick } from '../../testing/fake-client';

describe('StreamClient across transports', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('under Auto falls back to SSE, then long polling, when transports cannot connect', () => {
    const { client, fakes } = setup({ choice: 'auto' });
    expect(fakes.last().kind).toBe('ws-msgpack');
    fakes.last().drop(false);
    expect(fakes.last().kind).toBe('sse');
    fakes.last().drop(false);
    expect(fakes.last().kind).toBe('long-poll');
    fakes.last().open();
    vi.runOnlyPendingTimers(); // the status snapshot is rebuilt on the next turn
    expect(client.status.getSnapshot()).toMatchObject({ state: 'open', transport: 'long-poll', choice: 'auto' });
  });


  it('hands an HTTP transport the cursor of the previous one for the same symbols', () => {
    const { client, fakes } = setup({ choice: 'long-poll' });
    fakes.last().hello('e1');
    fakes.last().cursor = 'c-42';
    fakes.last().drop(true);
    vi.runOnlyPendingTimers();
    expect(fakes.last().options.cursor).toBe('c-42');
    client.setSymbols(['AAPL']);
    fakes.last().drop(true);
    vi.runOnlyPendingTimers();
    expect(fakes.last().options.cursor).toBeNull();
  });


  it('keeps symbols and seqs when the transport is switched, so the new one resumes', () => {
    const { client, fakes } = setup();
    fakes.last().hello('e1');
    fakes.last().receive({ kind: 'ticks', ticks: [tick('MSFT', 3)], flags: 0 });
    client.setTransport('ws-json');
    expect(fakes.created[0].closed).toBe(true);
    expect(fakes.last().kind).toBe('ws-json');
    fakes.last().hello('e1');
    expect(fakes.last().subscriptions).toEqual([{ symbols: ['AAPL', 'MSFT'], resume: { MSFT: 3 } }]);
  });
});
