import { marketState, readQuote } from './decoder';
import type { ResumeMap, Tick } from './protocol';
import { rejectionsIn } from './rejections';
import { connectHub, type HubConnectionLike, type HubConnector } from './signalr-connector';
import type { Transport, TransportOptions } from './transport';

/**
 * `/hub`, the SignalR baseline (docs/signalr.md), spoken as the same messages as every transport:
 * a Subscribe's Quotes become a SubAck and a Snapshot, `tick` calls become Ticks (one batch per
 * received frame), `market` calls MarketStatus. The hub has no epoch, resume or Ping.
 */
export class SignalRTransport implements Transport {
  readonly kind = 'signalr';
  readonly canPing = false;
  readonly cursor = null;
  private connection: HubConnectionLike | null = null;
  private readonly subscribed = new Set<string>();
  private batch: Tick[] = [];
  private bytes = 0;
  private isOpen = false;
  private done = false;

  constructor(
    private readonly options: TransportOptions,
    connector: HubConnector = connectHub,
  ) {
    const url = new URL('/hub', options.baseUrl).toString();
    options.listener.request();
    connector(url, (bytes) => (this.bytes += bytes))
      .then((connection) => this.start(connection, url))
      .catch((error: unknown) => this.finish(error instanceof Error ? error.message : String(error)));
  }

  setSymbols(symbols: readonly string[], _resume: ResumeMap | null): void {
    const connection = this.connection;
    if (!this.isOpen || this.done || !connection) return;
    const wanted = new Set(symbols);
    const removed = [...this.subscribed].filter((s) => !wanted.has(s));
    const added = symbols.filter((s) => !this.subscribed.has(s));
    if (removed.length > 0) {
      removed.forEach((s) => this.subscribed.delete(s));
      connection.invoke('Unsubscribe', removed).catch((error: Error) => this.finish(error.message));
    }
    if (added.length > 0) this.subscribe(connection, added);
  }

  ping(): void {}

  close(): void {
    this.done = true;
    void this.connection?.stop();
  }

  private async start(connection: HubConnectionLike, url: string): Promise<void> {
    this.connection = connection;
    const { listener } = this.options;
    connection.on('tick', (symbol: string, seq: number, price: number, size: number, time: number) => this.onTick(symbol, seq, price, size, time));
    connection.on('market', (state: string, serverTime: number) => {
      if (this.done) return;
      listener.serverTime?.(Number(serverTime));
      listener.message({ kind: 'market', state: marketState(state), serverTime: Number(serverTime) });
    });
    connection.onclose((error) => this.finish(error?.message ?? 'hub connection closed'));
    await connection.start();
    if (this.done) return void connection.stop();
    this.isOpen = true;
    listener.connection();
    listener.opened({ url, protocol: 'SignalR messagepack', extensions: '' });
    listener.message({ kind: 'hello', protocolVersion: 1, connectionId: connection.connectionId ?? '', serverTime: 0, heartbeatMs: 0, maxSymbols: 0, epoch: '' });
  }

  private subscribe(connection: HubConnectionLike, symbols: string[]): void {
    const { listener } = this.options;
    symbols.forEach((s) => this.subscribed.add(s));
    connection
      .invoke<unknown[]>('Subscribe', symbols)
      .then((quotes) => {
        if (this.done) return;
        listener.message({ kind: 'suback', reqId: 0, accepted: symbols, rejected: [] });
        listener.message({ kind: 'snapshot', quotes: quotes.map(readQuote) });
      })
      .catch((error: Error) => {
        if (this.done) return;
        // The hub fails the whole call: reject what its message names (or all), keep the rest.
        const named = rejectionsIn(error.message, symbols);
        const rejected = named.length > 0 ? named : symbols.map((symbol) => ({ symbol, reason: error.message }));
        rejected.forEach((r) => this.subscribed.delete(r.symbol));
        listener.message({ kind: 'suback', reqId: 0, accepted: [], rejected });
        const rest = symbols.filter((s) => !rejected.some((r) => r.symbol === s));
        if (rest.length > 0) this.subscribe(connection, rest);
      });
  }

  // Handlers run one by one within the socket's message event: a microtask later, the frame is done.
  private onTick(symbol: string, seq: number, price: number, size: number, time: number): void {
    if (this.done) return;
    if (this.batch.length === 0) queueMicrotask(() => this.flush());
    this.batch.push({ symbol, seq: Number(seq), price, size: Number(size), time: Number(time) });
  }

  private flush(): void {
    const ticks = this.batch;
    this.batch = [];
    if (this.done || ticks.length === 0) return;
    const { listener } = this.options;
    listener.frame('in', this.bytes, { kind: 'ticks', ticks, flags: 0 });
    this.bytes = 0;
    listener.message({ kind: 'ticks', ticks, flags: 0 });
  }

  private finish(reason: string): void {
    if (this.done) return;
    this.done = true;
    this.options.listener.closed({ wasOpen: this.isOpen, reason });
  }
}
