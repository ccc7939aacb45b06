/**
 * Shapes of StockStream wire protocol v1 (PROTOCOL.md), decoded from MessagePack or JSON arrays.
 *
 * `time`, `serverTime` and `seq` are int64/uint64 on the wire and JS numbers here. Epoch
 * microseconds stay below 2^53 until the year 2255, so they decode exactly; only arithmetic on
 * them (e.g. µs → ms) rounds, well below the microsecond.
 */
export type MarketState = 'open' | 'closed' | 'halted';

export const MARKET_STATES: readonly MarketState[] = ['open', 'closed', 'halted'];

export const MessageType = {
  Subscribe: 1,
  Unsubscribe: 2,
  Ping: 3,
  Hello: 10,
  SubAck: 11,
  Snapshot: 12,
  Ticks: 13,
  Pong: 14,
  Error: 15,
  MarketStatus: 16,
} as const;

/** Bits of a Ticks frame's or a poll answer's `flags`. */
export const TickFlags = { Conflated: 1, Missed: 2 } as const;

export interface Tick {
  symbol: string;
  seq: number;
  price: number;
  size: number;
  time: number;
}

export interface Quote {
  symbol: string;
  seq: number;
  price: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  time: number;
}

export interface Rejection {
  symbol: string;
  reason: string;
}

export interface Hello {
  kind: 'hello';
  protocolVersion: number;
  connectionId: string;
  serverTime: number;
  heartbeatMs: number;
  maxSymbols: number;
  epoch: string;
}

export interface SubAck {
  kind: 'suback';
  reqId: number;
  accepted: string[];
  rejected: Rejection[];
}

export interface Snapshot {
  kind: 'snapshot';
  quotes: Quote[];
}

export interface Ticks {
  kind: 'ticks';
  ticks: Tick[];
  flags: number;
}

export interface Pong {
  kind: 'pong';
  clientTime: unknown;
  serverTime: number;
}

export interface ErrorMessage {
  kind: 'error';
  code: number;
  message: string;
  reqId: number | null;
}

export interface MarketStatus {
  kind: 'market';
  state: MarketState;
  serverTime: number;
}

export type ServerMessage = Hello | SubAck | Snapshot | Ticks | Pong | ErrorMessage | MarketStatus;

/** `resume` maps a symbol to the last seq seen of it. */
export type ResumeMap = Record<string, number>;

export type ClientMessage =
  | { kind: 'subscribe'; reqId: number; symbols: string[]; resume?: ResumeMap }
  | { kind: 'unsubscribe'; reqId: number; symbols: string[] }
  | { kind: 'ping'; clientTime: number };

export const SYMBOL_PATTERN = /^[A-Z0-9.-]{1,12}$/;
