import type { ClientMessage, ResumeMap, ServerMessage } from './protocol';
import type { PollAnswer } from './poll-answer';

export type TransportKind = 'ws-msgpack' | 'ws-json' | 'sse' | 'long-poll' | 'signalr';

/** A transport, or `auto`: WebSocket, falling back to SSE, then long polling. */
export type TransportChoice = TransportKind | 'auto';

export const TRANSPORT_LABELS: Record<TransportChoice, string> = {
  auto: 'Auto',
  'ws-msgpack': 'WebSocket (MessagePack)',
  'ws-json': 'WebSocket (JSON)',
  sse: 'Server-Sent Events',
  'long-poll': 'Long polling',
  signalr: 'SignalR (MessagePack)',
};

/** What a page can see of a connection's handshake. */
export interface HandshakeInfo {
  url: string;
  /** The subprotocol the server chose (WebSocket) or the response content type (HTTP). */
  protocol: string;
  /** WebSocket extensions the server accepted, e.g. permessage-deflate. */
  extensions: string;
}

export interface CloseInfo {
  /** False when the transport never got through: a reason to fall back to the next one. */
  wasOpen: boolean;
  reason: string;
}

export type FrameContent =
  | ServerMessage
  | ClientMessage
  | { kind: 'poll'; answer: PollAnswer }
  | { kind: 'sse'; event: string; data: string };

/** Receives everything a transport hears; every method may be called many times per second. */
export interface TransportListener {
  opened(info: HandshakeInfo): void;
  message(message: ServerMessage): void;
  /** One frame, request or event on the wire, with its payload size in bytes. */
  frame(direction: 'in' | 'out', bytes: number, content: FrameContent): void;
  /** One HTTP request made (a WebSocket upgrade, a poll, an SSE stream). */
  request(): void;
  /** One connection opened (a WebSocket, an SSE stream, or a new connection under long polling). */
  connection(): void;
  /** An answer written at `serverTime` (µs) just arrived: a one-way clock sample for transports without Ping. */
  serverTime?(serverTimeUs: number): void;
  /** The server stated the most symbols one connection or request may hold. */
  symbolLimit?(maxSymbols: number): void;
  /** Called once, unless the owner closed the transport itself. */
  closed(info: CloseInfo): void;
}

export interface TransportOptions {
  /** Origin of the server, e.g. http://localhost:5000. */
  baseUrl: string;
  symbols: readonly string[];
  /** HTTP transports resume from this poll cursor / SSE event id when given. */
  cursor: string | null;
  listener: TransportListener;
}

export interface Transport {
  readonly kind: TransportKind;
  /** Whether Ping/Pong (and so clock-offset estimation) is available. */
  readonly canPing: boolean;
  /** The HTTP transports' resume point for a later connection; null for WebSocket. */
  readonly cursor: string | null;
  /** The full set of symbols wanted; `resume` names the last seq seen where the stream may resume. */
  setSymbols(symbols: readonly string[], resume: ResumeMap | null): void;
  ping(clientTime: number): void;
  close(): void;
}

export type TransportFactory = (kind: TransportKind, options: TransportOptions) => Transport;

/** The Hello an HTTP transport announces when it first sees an epoch, so the client has one code path. */
export function httpHello(epoch: string): ServerMessage {
  return { kind: 'hello', protocolVersion: 1, connectionId: '', serverTime: 0, heartbeatMs: 0, maxSymbols: 0, epoch };
}
