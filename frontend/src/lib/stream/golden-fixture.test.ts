import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeJson, decodeMessagePack } from './decoder';
import { encodeJson, encodeMessagePack } from './encoder';
import { decodePollJson, decodePollMessagePack, type PollAnswer } from './poll-answer';
import type { ClientMessage, ServerMessage } from './protocol';

// tests/fixtures at the repository root, shared with the C# tests.
const FIXTURES = new URL('../../../../tests/fixtures/', import.meta.url);
const msgpack = (name: string, dir = 'protocol') => new Uint8Array(readFileSync(new URL(`${dir}/${name}.msgpack`, FIXTURES)));
const json = (name: string, dir = 'protocol') => readFileSync(new URL(`${dir}/${name}.json`, FIXTURES), 'utf8').trim();

const T = 1_732_370_000_123_456;

const serverMessages: Record<string, ServerMessage> = {
  hello: { kind: 'hello', protocolVersion: 1, connectionId: 'c-1f3a', serverTime: T, heartbeatMs: 15000, maxSymbols: 100, epoch: '3f2a9c1b7d4e5f60' },
  suback: {
    kind: 'suback',
    reqId: 7,
    accepted: ['AAPL', 'BRK.B'],
    rejected: [
      { symbol: 'aapl', reason: 'invalid symbol' },
      { symbol: 'ZZZZ', reason: 'unknown symbol' },
    ],
  },
  snapshot: {
    kind: 'snapshot',
    quotes: [
      { symbol: 'AAPL', seq: 41, price: 187.25, open: 186.5, high: 188, low: 185.75, volume: 12300, time: T },
      { symbol: 'BRK.B', seq: 0, price: 410, open: 410, high: 410, low: 410, volume: 0, time: T - 60_000_000 },
    ],
  },
  ticks: {
    kind: 'ticks',
    ticks: [
      { symbol: 'AAPL', seq: 41, price: 187.25, size: 300, time: T },
      { symbol: 'BRK.B', seq: 7, price: 412.1, size: 25, time: T + 850 },
    ],
    flags: 1,
  },
  pong: { kind: 'pong', clientTime: 1_732_370_000_123.5, serverTime: T + 10 },
  error: { kind: 'error', code: 404, message: 'Unknown message type 99.', reqId: null },
  'market-status': { kind: 'market', state: 'halted', serverTime: T },
};

const clientMessages: Record<string, ClientMessage> = {
  subscribe: { kind: 'subscribe', reqId: 7, symbols: ['AAPL', 'BRK.B'], resume: { AAPL: 40 } },
  unsubscribe: { kind: 'unsubscribe', reqId: 8, symbols: ['BRK.B'] },
  ping: { kind: 'ping', clientTime: 1_732_370_000_123.5 },
};

describe('golden fixture shared with the C# codec', () => {
  for (const [name, expected] of Object.entries(serverMessages)) {
    it(`decodes ${name} from MessagePack and from JSON alike`, () => {
      expect(decodeMessagePack(msgpack(name))).toEqual(expected);
      expect(decodeJson(json(name))).toEqual(expected);
    });
  }

  for (const [name, message] of Object.entries(clientMessages)) {
    it(`encodes ${name} byte for byte as the fixture`, () => {
      expect(encodeMessagePack(message)).toEqual(msgpack(name));
      expect(encodeJson(message)).toBe(json(name));
    });
  }
});

describe('golden poll answer shared with the C# long-polling tests', () => {
  const expected: PollAnswer = {
    // base64url of 5eed5eed5eed5eed.1234.halted: the server's cursor carries the market state it was issued under.
    cursor: 'NWVlZDVlZWQ1ZWVkNWVlZC4xMjM0LmhhbHRlZA',
    ticks: (serverMessages.ticks as { ticks: PollAnswer['ticks'] }).ticks,
    missed: true,
    quotes: (serverMessages.snapshot as { quotes: PollAnswer['quotes'] }).quotes,
    market: 'halted',
    epoch: '5eed5eed5eed5eed',
    serverTime: T + 76_544,
  };

  it('decodes the MessagePack answer', () => {
    expect(decodePollMessagePack(msgpack('poll-answer', 'http'))).toEqual(expected);
  });

  it('decodes the JSON answer (also the data of an SSE ticks event) alike', () => {
    expect(decodePollJson(json('poll-answer', 'http'))).toEqual(expected);
  });
});
