import { marketState } from './decoder';
import { HttpTransport } from './http-transport';
import { decodePollJson } from './poll-answer';
import { SseParser, type SseEvent } from './sse-parser';
import type { TransportOptions } from './transport';

/**
 * `GET /api/sse` read with fetch rather than EventSource: the page then owns reconnects (with
 * the same backoff as every transport), sets `Last-Event-ID` itself and can count the bytes.
 */
export class SseTransport extends HttpTransport {
  readonly kind = 'sse';

  constructor(options: TransportOptions) {
    super(options);
    this.start();
  }

  protected async run(signal: AbortSignal): Promise<void> {
    const { listener, baseUrl } = this.options;
    const url = new URL('/api/sse', baseUrl);
    const symbols = this.symbols;
    url.searchParams.set('symbols', symbols.join(','));
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.cursor) headers['Last-Event-ID'] = this.cursor;
    listener.request();
    const response = await fetch(url, { headers, cache: 'no-store', signal });
    if (response.status === 400 && (await this.rejectSymbols(response, symbols, signal))) return;
    if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
    listener.connection();
    this.markOpen({ url: url.toString(), protocol: response.headers.get('content-type') ?? '', extensions: '' });
    const parser = new SseParser((event) => this.onEvent(event));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      if (done) throw new Error('event stream ended');
      parser.push(value);
    }
  }

  private onEvent(event: SseEvent): void {
    const { listener } = this.options;
    listener.frame('in', event.bytes, { kind: 'sse', event: event.event, data: event.data });
    if (event.event === 'ticks') {
      const answer = decodePollJson(event.data);
      listener.serverTime?.(answer.serverTime);
      this.cursor = event.lastEventId ?? answer.cursor;
      this.translator.apply(answer);
    } else if (event.event === 'market') {
      const body = JSON.parse(event.data) as { market: unknown; time?: number };
      if (typeof body.time === 'number') listener.serverTime?.(body.time);
      this.translator.marketState(marketState(body.market), body.time ?? 0);
    }
  }
}
