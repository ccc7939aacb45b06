import type { ResumeMap, ServerMessage } from '../lib/stream/protocol';
import type { Transport, TransportFactory, TransportKind, TransportOptions } from '../lib/stream/transport';

/** A transport driven by the test: it records what the client asks and plays the server's part. */
export class FakeTransport implements Transport {
  readonly subscriptions: { symbols: readonly string[]; resume: ResumeMap | null }[] = [];
  readonly pings: number[] = [];
  closed = false;
  cursor: string | null = null;

  constructor(
    readonly kind: TransportKind,
    readonly options: TransportOptions,
    readonly canPing = kind.startsWith('ws'),
  ) {}

  setSymbols(symbols: readonly string[], resume: ResumeMap | null): void {
    this.subscriptions.push({ symbols: [...symbols], resume });
  }

  ping(clientTime: number): void {
    this.pings.push(clientTime);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.options.listener.opened({ url: `fake://${this.kind}`, protocol: 'stockstream.v1', extensions: '' });
  }

  hello(epoch: string): void {
    this.receive({ kind: 'hello', protocolVersion: 1, connectionId: 'c', serverTime: 0, heartbeatMs: 15_000, maxSymbols: 100, epoch });
  }

  receive(message: ServerMessage): void {
    this.options.listener.message(message);
  }

  drop(wasOpen: boolean): void {
    this.options.listener.closed({ wasOpen, reason: 'dropped' });
  }
}

export function fakeTransports(): { factory: TransportFactory; created: FakeTransport[]; last(): FakeTransport } {
  const created: FakeTransport[] = [];
  return {
    created,
    factory: (kind, options) => {
      const transport = new FakeTransport(kind, options);
      created.push(transport);
      return transport;
    },
    last: () => created[created.length - 1],
  };
}
