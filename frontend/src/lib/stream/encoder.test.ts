import { decode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { encodeJson, encodeMessagePack } from './encoder';

describe('encoder', () => {
  it('writes Subscribe with a resume map as [1, reqId, symbols, {symbol: seq}]', () => {
    const message = { kind: 'subscribe', reqId: 3, symbols: ['AAPL', 'MSFT'], resume: { AAPL: 41 } } as const;
    expect(decode(encodeMessagePack({ ...message, symbols: [...message.symbols] }))).toEqual([1, 3, ['AAPL', 'MSFT'], { AAPL: 41 }]);
    expect(encodeJson({ ...message, symbols: [...message.symbols] })).toBe('[1,3,["AAPL","MSFT"],{"AAPL":41}]');
  });

  it('leaves resume out when there is none, and writes Unsubscribe and Ping', () => {
    expect(decode(encodeMessagePack({ kind: 'subscribe', reqId: 1, symbols: ['AAPL'] }))).toEqual([1, 1, ['AAPL']]);
    expect(encodeJson({ kind: 'unsubscribe', reqId: 2, symbols: ['AAPL'] })).toBe('[2,2,["AAPL"]]');
    expect(decode(encodeMessagePack({ kind: 'ping', clientTime: 1763900000123.25 }))).toEqual([3, 1763900000123.25]);
  });
});
