import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { decodeJson, decodeMessagePack, ProtocolError } from './decoder';

const TIME_US = 1_763_900_000_123_456; // 2025-11-23, µs since epoch

describe('decoder', () => {
  it('maps a Ticks frame by index and keeps int64 microseconds exact', () => {
    const frame = encode([13, [['AAPL', 7, 189.25, 300, TIME_US], ['MSFT', 1, 410.5, 5, TIME_US + 1]], 1]);
    expect(decodeMessagePack(frame)).toEqual({
      kind: 'ticks',
      ticks: [
        { symbol: 'AAPL', seq: 7, price: 189.25, size: 300, time: TIME_US },
        { symbol: 'MSFT', seq: 1, price: 410.5, size: 5, time: TIME_US + 1 },
      ],
      flags: 1,
    });
  });

  it('reads int64 written in its 8-byte form as a number, not a bigint', () => {
    // 0xd3: int64, the form C#'s MessagePackWriter uses for values past 32 bits.
    const time = new Uint8Array([0xd3, 0, 0, 0, 0, 0, 0, 0, 0]);
    new DataView(time.buffer).setBigInt64(1, BigInt(TIME_US));
    const frame = new Uint8Array([0x93, 0x10, 0xa4, ...new TextEncoder().encode('open'), ...time]);
    expect(decodeMessagePack(frame)).toEqual({ kind: 'market', state: 'open', serverTime: TIME_US });
  });

  it('reads the same message from JSON text frames', () => {
    const hello = [10, 1, 'c-1', TIME_US, 15000, 100, 'e1'];
    const expected = { kind: 'hello', protocolVersion: 1, connectionId: 'c-1', serverTime: TIME_US, heartbeatMs: 15000, maxSymbols: 100, epoch: 'e1' };
    expect(decodeJson(JSON.stringify(hello))).toEqual(expected);
    expect(decodeMessagePack(encode(hello))).toEqual(expected);
  });

  it('reads SubAck rejections, Snapshot quotes, Pong and Error with a nil reqId', () => {
    expect(decodeJson('[11,4,["AAPL"],[["NOPE","unknown symbol"]]]')).toEqual({
      kind: 'suback',
      reqId: 4,
      accepted: ['AAPL'],
      rejected: [{ symbol: 'NOPE', reason: 'unknown symbol' }],
    });
    expect(decodeJson(`[12,[["AAPL",3,10.5,10,11,9.5,1200,${TIME_US}]]]`)).toEqual({
      kind: 'snapshot',
      quotes: [{ symbol: 'AAPL', seq: 3, price: 10.5, open: 10, high: 11, low: 9.5, volume: 1200, time: TIME_US }],
    });
    expect(decodeMessagePack(encode([14, 12.5, TIME_US]))).toEqual({ kind: 'pong', clientTime: 12.5, serverTime: TIME_US });
    expect(decodeMessagePack(encode([15, 429, 'too many messages', null]))).toEqual({
      kind: 'error',
      code: 429,
      message: 'too many messages',
      reqId: null,
    });
  });

  it('rejects frames that are not protocol messages', () => {
    expect(() => decodeJson('{"type":13}')).toThrow(ProtocolError);
    expect(() => decodeJson('[99]')).toThrow(/Unknown server message type 99/);
    expect(() => decodeJson('[13,[["AAPL","7",1,1,1]],0]')).toThrow(ProtocolError);
    expect(() => decodeJson('[16,"sleeping",0]')).toThrow(/market state/);
  });
});
