import { ConnectionCounter } from './connection-counter';
import { HttpTransport } from './http-transport';
import { decodePollMessagePack } from './poll-answer';
import type { TransportOptions } from './transport';

export const POLL_TIMEOUT_MS = 25_000;
// A held poll answers by timeoutMs; past this grace the server is taken for gone.
const GRACE_MS = 10_000;

/** `GET /api/poll` in MessagePack, one request after another, resuming from the last cursor. */
export class LongPollTransport extends HttpTransport {
  readonly kind = 'long-poll';
  private readonly connections: ConnectionCounter;

  constructor(options: TransportOptions) {
    super(options);
    this.connections = new ConnectionCounter(() => options.listener.connection());
    this.start();
  }

  close(): void {
    super.close();
    this.connections.disconnect();
  }

  protected async run(signal: AbortSignal): Promise<void> {
    const { listener, baseUrl } = this.options;
    for (;;) {
      const url = new URL('/api/poll', baseUrl);
      const symbols = this.symbols;
      url.searchParams.set('symbols', symbols.join(','));
      url.searchParams.set('timeoutMs', String(POLL_TIMEOUT_MS));
      if (this.cursor) url.searchParams.set('cursor', this.cursor);
      listener.request();
      this.connections.expect(url.toString());
      const response = await fetch(url, {
        headers: { Accept: 'application/x-msgpack' },
        cache: 'no-store',
        signal: AbortSignal.any([signal, AbortSignal.timeout(POLL_TIMEOUT_MS + GRACE_MS)]),
      });
      if (response.status === 400 && (await this.rejectSymbols(response, symbols, signal))) return;
      if (!response.ok) throw new Error(`poll answered HTTP ${response.status}`);
      const body = new Uint8Array(await response.arrayBuffer());
      if (signal.aborted) return;
      const answer = decodePollMessagePack(body);
      listener.serverTime?.(answer.serverTime);
      this.markOpen({ url: `${url.origin}${url.pathname}`, protocol: response.headers.get('content-type') ?? '', extensions: '' });
      listener.frame('in', body.byteLength, { kind: 'poll', answer });
      this.cursor = answer.cursor;
      this.translator.apply(answer);
    }
  }
}
