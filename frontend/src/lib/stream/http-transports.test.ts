import { encode } from '@msgpack/msgpack';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LongPollTransport } from './long-poll-transport';
import type { ServerMessage } from './protocol';
import { SseTransport } from './sse-transport';
import type { CloseInfo, TransportListener, TransportOptions } from './transport';

const T = 1_732_370_000_123_456;
const quote = ['AAPL', 41, 187.25, 186.5, 188, 185.75, 12300, T];
const tick = ['AAPL', 42, 187.3, 10, T + 5];

/** A fetch that answers from a script, then holds further requests until they are aborted. */
function scriptedFetch(...answers: (() => Response)[]) {
  const requests: { url: URL; headers: Headers }[] = [];
  const fetch = vi.fn((input: URL, init: RequestInit) => {
    requests.push({ url: new URL(input), headers: new Headers(init.headers) });
    const next = answers.shift();
    if (next) return Promise.resolve(next());
    return new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  });
  vi.stubGlobal('fetch', fetch);
  return { requests, settled: () => vi.waitFor(() => expect(answers).toHaveLength(0)).then(() => new Promise((r) => setTimeout(r))) };
}

function recorder(symbols: string[], cursor: string | null = null) {
  const messages: ServerMessage[] = [];
  const closed: CloseInfo[] = [];
  const listener: TransportListener = {
    opened: () => {},
    message: (m) => messages.push(m),
    frame: () => {},
    request: () => {},
    connection: () => {},
    closed: (info) => closed.push(info),
  };
  const options: TransportOptions = { baseUrl: 'http://test', symbols, cursor, listener };
  return { messages, closed, options };
}

const msgpackAnswer = (body: unknown[]) => () => new Response(encode(body), { headers: { 'content-type': 'application/x-msgpack' } });

describe('LongPollTransport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts without a cursor, then polls with each answer’s cursor, translating answers into messages', async () => {
    const { requests, settled } = scriptedFetch(
      msgpackAnswer(['c1', [], 0, [quote], 'open', 'e1']),
      msgpackAnswer(['c2', [tick], 0, [], 'open', 'e1']),
    );
    const { messages, options } = recorder(['AAPL']);
    const transport = new LongPollTransport(options);
    await settled();
    transport.close();

    expect(requests.map((r) => r.url.search)).toEqual(['?symbols=AAPL&timeoutMs=25000', '?symbols=AAPL&timeoutMs=25000&cursor=c1', '?symbols=AAPL&timeoutMs=25000&cursor=c2']);
    expect(requests[0].headers.get('accept')).toBe('application/x-msgpack');
    expect(messages.map((m) => m.kind)).toEqual(['hello', 'market', 'snapshot', 'ticks']);
    expect(messages[3]).toEqual({ kind: 'ticks', ticks: [{ symbol: 'AAPL', seq: 42, price: 187.3, size: 10, time: T + 5 }], flags: 0 });
    expect(transport.cursor).toBe('c2');
  });

  it('reports a missed stream as a Ticks frame flagged missed, with the fresh Snapshot', async () => {
    const { settled } = scriptedFetch(msgpackAnswer(['c9', [], 2, [quote], 'open', 'e2']));
    const { messages, options } = recorder(['AAPL'], 'stale');
    const transport = new LongPollTransport(options);
    await settled();
    transport.close();
    expect(messages.map((m) => m.kind)).toEqual(['hello', 'market', 'snapshot', 'ticks']);
    expect(messages[3]).toMatchObject({ kind: 'ticks', ticks: [], flags: 2 });
  });

  it('turns a 400 naming a symbol into a SubAck rejection and polls on without it', async () => {
    const problem = { type: 'about:blank', title: 'Unknown symbol', status: 400, detail: 'Unknown symbol ZZZZ.' };
    const { requests, settled } = scriptedFetch(() => Response.json(problem, { status: 400 }), msgpackAnswer(['c1', [], 0, [quote], 'open', 'e1']));
    const { messages, options } = recorder(['AAPL', 'ZZZZ']);
    const transport = new LongPollTransport(options);
    await settled();
    transport.close();
    expect(messages[0]).toEqual({ kind: 'suback', reqId: 0, accepted: [], rejected: [{ symbol: 'ZZZZ', reason: 'Unknown symbol ZZZZ.' }] });
    expect(requests[1].url.searchParams.get('symbols')).toBe('AAPL');
  });

  it('closes, saying whether it ever got through, when a poll fails', async () => {
    const { settled } = scriptedFetch(() => new Response('down', { status: 503 }));
    const { closed, options } = recorder(['AAPL']);
    new LongPollTransport(options);
    await settled();
    expect(closed).toEqual([{ wasOpen: false, reason: 'poll answered HTTP 503' }]);
  });
});

describe('SseTransport', () => {
  afterEach(() => vi.unstubAllGlobals());

  const stream = (...chunks: string[]) => () =>
    new Response(new ReadableStream({ start: (c) => chunks.forEach((chunk) => c.enqueue(new TextEncoder().encode(chunk))) }), {
      headers: { 'content-type': 'text/event-stream' },
    });

  it('reads ticks and market events, keeping the last event id as its cursor', async () => {
    const body = { cursor: 'c1', ticks: [], missed: false, quotes: [{ symbol: 'AAPL', seq: 41, price: 1, open: 1, high: 1, low: 1, volume: 0, time: T }], market: 'open', epoch: 'e1' };
    const ticks = { ...body, cursor: 'c2', quotes: [], market: 'halted', ticks: [{ symbol: 'AAPL', seq: 42, price: 2, size: 3, time: T }] };
    const { requests, settled } = scriptedFetch(
      stream(`event: ticks\nid: c1\ndata: ${JSON.stringify(body)}\n\n`, `event: market\ndata: {"market":"halted","time":${T}}\n\nevent: ticks\nid: c2\n`, `data: ${JSON.stringify(ticks)}\n\n`),
    );
    const { messages, options } = recorder(['AAPL'], 'c0');
    const transport = new SseTransport(options);
    await settled();
    await vi.waitFor(() => expect(transport.cursor).toBe('c2'));
    transport.close();

    expect(requests[0].url.search).toBe('?symbols=AAPL');
    expect(requests[0].headers.get('last-event-id')).toBe('c0');
    expect(messages.map((m) => m.kind)).toEqual(['hello', 'market', 'snapshot', 'market', 'ticks']);
    expect(messages[3]).toEqual({ kind: 'market', state: 'halted', serverTime: T });
  });

  it('drops the cursor when a symbol is added, since the new symbol needs its Quote', async () => {
    const { requests, settled } = scriptedFetch(stream());
    const { options } = recorder(['AAPL'], 'c5');
    const transport = new SseTransport(options);
    await settled();
    transport.setSymbols(['AAPL', 'MSFT'], null);
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    transport.close();
    expect(requests[1].url.searchParams.get('symbols')).toBe('AAPL,MSFT');
    expect(requests[1].headers.get('last-event-id')).toBeNull();
  });
});
