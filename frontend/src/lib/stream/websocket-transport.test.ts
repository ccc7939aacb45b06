import { decode, encode } from '@msgpack/msgpack';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CloseInfo, TransportListener } from './transport';
import { WebSocketTransport } from './websocket-transport';

/** Stands in for the browser's WebSocket: records what is sent, lets the test play the server. */
class FakeSocket {
  static last: FakeSocket;
  readonly sent: unknown[] = [];
  protocol = '';
  extensions = '';
  binaryType = 'blob';
  closedWith: number | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer | string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly offered: string,
  ) {
    FakeSocket.last = this;
  }

  send(frame: Uint8Array | string): void {
    this.sent.push(typeof frame === 'string' ? JSON.parse(frame) : decode(frame));
  }

  close(code: number): void {
    this.closedWith = code;
  }

  accept(): void {
    this.protocol = this.offered;
    this.onopen?.();
  }

  receive(message: unknown[]): void {
    this.onmessage?.({ data: this.offered.endsWith('.json') ? JSON.stringify(message) : (encode(message).slice().buffer as ArrayBuffer) });
  }
}

const hello = [10, 1, 'c1', 0, 1000, 100, 'e1'];

function open(kind: 'ws-msgpack' | 'ws-json' = 'ws-msgpack') {
  const closed: CloseInfo[] = [];
  const kinds: string[] = [];
  const listener: TransportListener = {
    opened: () => {},
    message: (m) => kinds.push(m.kind),
    frame: () => {},
    request: () => {},
    connection: () => {},
    closed: (info) => closed.push(info),
  };
  const transport = new WebSocketTransport(kind, { baseUrl: 'https://example.test', symbols: [], cursor: null, listener });
  return { transport, socket: FakeSocket.last, closed, kinds };
}

describe('WebSocketTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('offers the subprotocol on wss:// and subscribes only after the Hello', () => {
    const { transport, socket } = open('ws-json');
    expect([socket.url, socket.offered]).toEqual(['wss://example.test/ws', 'stockstream.v1.json']);
    socket.accept();
    transport.setSymbols(['AAPL'], null);
    expect(socket.sent).toEqual([]);
    socket.receive(hello);
    transport.setSymbols(['AAPL', 'MSFT'], { AAPL: 7, IBM: 3 });
    expect(socket.sent).toEqual([[1, 1, ['AAPL', 'MSFT'], { AAPL: 7 }]]);
  });

  it('sends only the difference when the symbols change, and forgets rejected ones', () => {
    const { transport, socket } = open();
    socket.accept();
    socket.receive(hello);
    transport.setSymbols(['AAPL', 'NOPE'], null);
    socket.receive([11, 1, ['AAPL'], [['NOPE', 'unknown symbol']]]);
    transport.setSymbols(['MSFT', 'NOPE'], null);
    expect(socket.sent).toEqual([
      [1, 1, ['AAPL', 'NOPE']],
      [2, 2, ['AAPL']],
      [1, 3, ['MSFT', 'NOPE']],
    ]);
  });

  it('gives up on a connection silent for twice the heartbeat', () => {
    const { socket, closed } = open();
    socket.accept();
    socket.receive(hello); // heartbeatMs 1000
    vi.advanceTimersByTime(1500);
    socket.receive([14, 1, 2]);
    vi.advanceTimersByTime(1900);
    expect(closed).toEqual([]);
    vi.advanceTimersByTime(1100);
    expect(closed).toEqual([{ wasOpen: true, reason: 'no frame for 2x heartbeat' }]);
    expect(socket.closedWith).toBe(4000);
  });

  it('reports a socket that never opened, so Auto can fall back', () => {
    const { socket, closed } = open();
    socket.onclose?.({ code: 1006, reason: '' });
    expect(closed).toEqual([{ wasOpen: false, reason: 'closed 1006' }]);
  });
});
