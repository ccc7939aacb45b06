import { decodeJson, decodeMessagePack } from './decoder';
import { encodeJson, encodeMessagePack } from './encoder';
import type { ClientMessage, ResumeMap, ServerMessage } from './protocol';
import type { Transport, TransportOptions } from './transport';
import { utf8Length } from './wire-size';

export const SUBPROTOCOLS = { 'ws-msgpack': 'stockstream.v1', 'ws-json': 'stockstream.v1.json' } as const;

export function webSocketUrl(baseUrl: string): string {
  const url = new URL('/ws', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** `/ws` in MessagePack (binary frames) or JSON (text frames); subscribes once the Hello arrived. */
export class WebSocketTransport implements Transport {
  readonly canPing = true;
  readonly cursor = null;
  private readonly socket: WebSocket;
  private readonly subscribed = new Set<string>();
  private isOpen = false;
  private helloSeen = false;
  private done = false;
  private nextReqId = 1;
  private lastHeard = performance.now();
  private watchdog: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly kind: keyof typeof SUBPROTOCOLS,
    private readonly options: TransportOptions,
  ) {
    const url = webSocketUrl(options.baseUrl);
    const { listener } = options;
    this.socket = new WebSocket(url, SUBPROTOCOLS[kind]);
    this.socket.binaryType = 'arraybuffer';
    listener.request();
    this.socket.onopen = () => {
      this.isOpen = true;
      listener.connection();
      listener.opened({ url, protocol: this.socket.protocol, extensions: this.socket.extensions });
    };
    this.socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => this.receive(event.data);
    this.socket.onclose = (event) => this.finish(`closed ${event.code}${event.reason ? ` ${event.reason}` : ''}`);
  }

  setSymbols(symbols: readonly string[], resume: ResumeMap | null): void {
    if (!this.helloSeen || this.done) return;
    const wanted = new Set(symbols);
    const added = symbols.filter((s) => !this.subscribed.has(s));
    const removed = [...this.subscribed].filter((s) => !wanted.has(s));
    if (removed.length > 0) {
      removed.forEach((s) => this.subscribed.delete(s));
      this.send({ kind: 'unsubscribe', reqId: this.nextReqId++, symbols: removed });
    }
    if (added.length > 0) {
      added.forEach((s) => this.subscribed.add(s));
      const entries = resume ? added.filter((s) => s in resume).map((s) => [s, resume[s]] as const) : [];
      const message: ClientMessage = { kind: 'subscribe', reqId: this.nextReqId++, symbols: added };
      if (entries.length > 0) message.resume = Object.fromEntries(entries);
      this.send(message);
    }
  }

  ping(clientTime: number): void {
    if (this.helloSeen && !this.done) this.send({ kind: 'ping', clientTime });
  }

  close(): void {
    this.done = true;
    clearInterval(this.watchdog);
    this.socket.close(1000);
  }

  private send(message: ClientMessage): void {
    const frame = this.kind === 'ws-json' ? encodeJson(message) : encodeMessagePack(message);
    this.socket.send(frame);
    this.options.listener.frame('out', typeof frame === 'string' ? utf8Length(frame) : frame.byteLength, message);
  }

  private receive(data: ArrayBuffer | string): void {
    if (this.done) return;
    this.lastHeard = performance.now();
    const { listener } = this.options;
    let message: ServerMessage;
    try {
      message = typeof data === 'string' ? decodeJson(data) : decodeMessagePack(data);
    } catch (error) {
      this.fail(`undecodable frame: ${(error as Error).message}`);
      return;
    }
    listener.frame('in', typeof data === 'string' ? utf8Length(data) : data.byteLength, message);
    if (message.kind === 'hello') this.onHello(message.heartbeatMs);
    if (message.kind === 'suback') message.rejected.forEach((r) => this.subscribed.delete(r.symbol));
    listener.message(message);
  }

  // The page cannot see WebSocket ping frames; it hears pongs to its own pings instead.
  private onHello(heartbeatMs: number): void {
    this.helloSeen = true;
    if (heartbeatMs <= 0) return;
    this.watchdog = setInterval(() => {
      if (performance.now() - this.lastHeard > 2 * heartbeatMs) this.fail('no frame for 2x heartbeat');
    }, heartbeatMs);
  }

  private fail(reason: string): void {
    this.socket.close(4000, reason.slice(0, 100));
    this.finish(reason);
  }

  private finish(reason: string): void {
    if (this.done) return;
    this.done = true;
    clearInterval(this.watchdog);
    this.options.listener.closed({ wasOpen: this.isOpen, reason });
  }
}
