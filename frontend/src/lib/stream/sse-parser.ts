import { utf8Length } from './wire-size';

export interface SseEvent {
  event: string;
  data: string;
  /** The event's `id`, or the last id seen before it (per the EventSource rules). */
  lastEventId: string | null;
  /** Bytes of the event's lines on the wire. */
  bytes: number;
}

/** Incremental `text/event-stream` parser: feed it decoded text chunks in order. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private bytes = 0;
  private lastEventId: string | null = null;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let start = 0;
    for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n', start)) {
      const raw = this.buffer.slice(start, end);
      this.bytes += utf8Length(raw) + 1;
      this.line(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      start = end + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      this.onEvent({
        event: this.event || 'message',
        data: this.data.join('\n'),
        lastEventId: this.lastEventId,
        bytes: this.bytes,
      });
    }
    this.event = '';
    this.data = [];
    this.bytes = 0;
  }
}
