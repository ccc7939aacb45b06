import { Decoder } from '@msgpack/msgpack';
import {
  MARKET_STATES,
  MessageType,
  type MarketState,
  type Quote,
  type ServerMessage,
  type Tick,
} from './protocol';

/** A frame that is not a valid protocol message. */
export class ProtocolError extends Error {}

// int64 decodes to a number (not a bigint): see protocol.ts on precision.
const msgpack = new Decoder({ useBigInt64: false });

export function decodeMessagePack(frame: ArrayBuffer | Uint8Array): ServerMessage {
  return readServerMessage(msgpack.decode(frame));
}

export function decodeJson(frame: string): ServerMessage {
  return readServerMessage(JSON.parse(frame));
}

/** Maps a server message array to its named shape, by index. */
export function readServerMessage(value: unknown): ServerMessage {
  const a = array(value, 'message');
  switch (a[0]) {
    case MessageType.Hello:
      return {
        kind: 'hello',
        protocolVersion: num(a[1]),
        connectionId: str(a[2]),
        serverTime: num(a[3]),
        heartbeatMs: num(a[4]),
        maxSymbols: num(a[5]),
        epoch: str(a[6]),
      };
    case MessageType.SubAck:
      return {
        kind: 'suback',
        reqId: num(a[1]),
        accepted: array(a[2], 'accepted').map(str),
        rejected: array(a[3], 'rejected').map((r) => {
          const pair = array(r, 'rejection');
          return { symbol: str(pair[0]), reason: str(pair[1]) };
        }),
      };
    case MessageType.Snapshot:
      return { kind: 'snapshot', quotes: array(a[1], 'quotes').map(readQuote) };
    case MessageType.Ticks:
      return { kind: 'ticks', ticks: array(a[1], 'ticks').map(readTick), flags: num(a[2]) };
    case MessageType.Pong:
      return { kind: 'pong', clientTime: a[1], serverTime: num(a[2]) };
    case MessageType.Error:
      return { kind: 'error', code: num(a[1]), message: str(a[2]), reqId: a[3] == null ? null : num(a[3]) };
    case MessageType.MarketStatus:
      return { kind: 'market', state: marketState(a[1]), serverTime: num(a[2]) };
    default:
      throw new ProtocolError(`Unknown server message type ${String(a[0])}.`);
  }
}

export function readTick(value: unknown): Tick {
  const t = array(value, 'tick');
  return { symbol: str(t[0]), seq: num(t[1]), price: num(t[2]), size: num(t[3]), time: num(t[4]) };
}

export function readQuote(value: unknown): Quote {
  const q = array(value, 'quote');
  return {
    symbol: str(q[0]),
    seq: num(q[1]),
    price: num(q[2]),
    open: num(q[3]),
    high: num(q[4]),
    low: num(q[5]),
    volume: num(q[6]),
    time: num(q[7]),
  };
}

export function marketState(value: unknown): MarketState {
  if (MARKET_STATES.includes(value as MarketState)) return value as MarketState;
  throw new ProtocolError(`Unknown market state ${String(value)}.`);
}

function array(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ProtocolError(`Expected ${what} to be an array.`);
}

function num(value: unknown): number {
  if (typeof value === 'number') return value;
  throw new ProtocolError(`Expected a number, got ${typeof value}.`);
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  throw new ProtocolError(`Expected a string, got ${typeof value}.`);
}
