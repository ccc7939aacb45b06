import { describe, expect, it } from 'vitest';
import { RETRIES_BEFORE_HANDOVER, TransportFallback } from './transport-fallback';

describe('TransportFallback', () => {
  it('under Auto, hands over from WebSocket to SSE to long polling while each fails to connect', () => {
    const plan = new TransportFallback('auto');
    expect(plan.current).toBe('ws-msgpack');
    expect(plan.next(false)).toEqual({ kind: 'sse', wait: 'now' });
    expect(plan.next(false)).toEqual({ kind: 'long-poll', wait: 'now' });
    expect(plan.next(false)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
  });

  it('after an open connection drops, backs off and tries WebSocket first again', () => {
    const plan = new TransportFallback('auto');
    plan.next(false);
    expect(plan.current).toBe('sse');
    expect(plan.next(true)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
  });

  it('retries a transport that has worked before a few times before handing over, so a restarting server finds Auto on WebSocket', () => {
    const plan = new TransportFallback('auto');
    expect(plan.next(true)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
    for (let i = 1; i < RETRIES_BEFORE_HANDOVER; i++) expect(plan.next(false)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
    expect(plan.next(false)).toEqual({ kind: 'sse', wait: 'now' });
    expect(plan.next(false)).toEqual({ kind: 'long-poll', wait: 'now' });
    expect(plan.next(false)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
    // The count starts again: WebSocket still gets its retries on the next round.
    expect(plan.next(false)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
  });

  it('a fallback that worked is retried too once it drops, after WebSocket fails at once again', () => {
    const plan = new TransportFallback('auto');
    expect(plan.next(false)).toEqual({ kind: 'sse', wait: 'now' });
    expect(plan.next(true)).toEqual({ kind: 'ws-msgpack', wait: 'backoff' });
    expect(plan.next(false)).toEqual({ kind: 'sse', wait: 'now' });
    expect(plan.next(false)).toEqual({ kind: 'sse', wait: 'backoff' });
  });

  it('a chosen transport is retried with backoff, never swapped', () => {
    const plan = new TransportFallback('long-poll');
    expect(plan.next(false)).toEqual({ kind: 'long-poll', wait: 'backoff' });
    expect(plan.next(true)).toEqual({ kind: 'long-poll', wait: 'backoff' });
  });
});
