import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse-parser';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  return events;
}

describe('SseParser', () => {
  it('reads event, id and data lines split across chunks', () => {
    const events = parse('event: ticks\nid: c-1', '7\ndata: {"a":', '1}\n', '\n');
    expect(events).toEqual([{ event: 'ticks', data: '{"a":1}', lastEventId: 'c-17', bytes: 13 + 9 + 14 + 1 }]);
  });

  it('joins multi-line data, accepts CRLF, ignores comments, and keeps the last id', () => {
    const events = parse(': keep-alive\r\n\r\nid: 5\r\ndata: a\r\ndata: b\r\n\r\nevent: market\r\ndata: {}\r\n\r\n');
    expect(events.map(({ event, data, lastEventId }) => ({ event, data, lastEventId }))).toEqual([
      { event: 'message', data: 'a\nb', lastEventId: '5' },
      { event: 'market', data: '{}', lastEventId: '5' },
    ]);
  });

  it('holds an unfinished event until its blank line arrives', () => {
    expect(parse('event: ticks\ndata: 1\n')).toEqual([]);
  });
});
