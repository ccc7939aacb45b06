import { Decoder } from '@msgpack/msgpack';
import { ProtocolError, marketState, readQuote, readTick } from './decoder';
import { TickFlags, type MarketState, type Quote, type Tick } from './protocol';

/** One long-poll answer or one SSE `ticks` event, whichever encoding it came in. */
export interface PollAnswer {
  cursor: string;
  ticks: Tick[];
  missed: boolean;
  quotes: Quote[];
  market: MarketState;
  epoch: string;
  /** When the server wrote the answer (µs since the epoch); 0 from a server that does not say. */
  serverTime: number;
}

const msgpack = new Decoder({ useBigInt64: false });

/** `[cursor, [Tick...], flags, [Quote...], marketState, epoch, serverTime]` (Accept: application/x-msgpack). */
export function decodePollMessagePack(body: ArrayBuffer | Uint8Array): PollAnswer {
  const a = msgpack.decode(body);
  if (!Array.isArray(a) || !Array.isArray(a[1]) || !Array.isArray(a[3]))
    throw new ProtocolError('A poll answer must be [cursor, ticks, flags, quotes, market, epoch].');
  return {
    cursor: String(a[0]),
    ticks: a[1].map(readTick),
    missed: (Number(a[2]) & TickFlags.Missed) !== 0,
    quotes: a[3].map(readQuote),
    market: marketState(a[4]),
    epoch: String(a[5]),
    serverTime: typeof a[6] === 'number' ? a[6] : 0,
  };
}

interface PollAnswerJson {
  cursor: string;
  ticks: Tick[];
  missed: boolean;
  quotes: Quote[];
  market: string;
  epoch: string;
  serverTime: number;
}

/** `{cursor, ticks: [Tick object...], missed, quotes: [Quote object...], market, epoch, serverTime}`. */
export function decodePollJson(body: string): PollAnswer {
  const o = JSON.parse(body) as Partial<PollAnswerJson>;
  if (typeof o.cursor !== 'string' || !Array.isArray(o.ticks))
    throw new ProtocolError('A poll answer needs a cursor and ticks.');
  return {
    cursor: o.cursor,
    ticks: o.ticks,
    missed: o.missed === true,
    quotes: Array.isArray(o.quotes) ? o.quotes : [],
    market: marketState(o.market),
    epoch: String(o.epoch),
    serverTime: typeof o.serverTime === 'number' ? o.serverTime : 0,
  };
}
