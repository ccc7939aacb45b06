import { LongPollTransport } from './long-poll-transport';
import { SignalRTransport } from './signalr-transport';
import { SseTransport } from './sse-transport';
import type { Transport, TransportKind, TransportOptions } from './transport';
import { WebSocketTransport } from './websocket-transport';

/** The production transport factory, one class per transport. */
export function createTransport(kind: TransportKind, options: TransportOptions): Transport {
  switch (kind) {
    case 'ws-msgpack':
    case 'ws-json':
      return new WebSocketTransport(kind, options);
    case 'sse':
      return new SseTransport(options);
    case 'long-poll':
      return new LongPollTransport(options);
    case 'signalr':
      return new SignalRTransport(options);
  }
}
