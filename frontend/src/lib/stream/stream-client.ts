import { after, CoalescedStore } from '../store/coalesced-store';
import { browserClock, ClockOffset, type Clock } from './clock-offset';
import { closeReason } from './close-reason';
import { initialStatus, type ConnectionStatus } from './connection-status';
import type { Rejection, ServerMessage } from './protocol';
import { Pinger } from './pinger';
import { SavedCursor } from './saved-cursor';
import { ReconnectPolicy } from './reconnect-policy';
import type { StreamClientOptions } from './stream-client-options';
import { StreamSession, type MetricsSnapshot } from './stream-session';
import type { CloseInfo, Transport, TransportChoice, TransportKind } from './transport';
import { TransportFallback } from './transport-fallback';
import { createTransport } from './transports';

/**
 * One logical market-data stream over any transport: connects, subscribes, resumes after a
 * drop (same epoch: from the last seqs; HTTP: from the last cursor), backs off with jitter and,
 * under Auto, falls back from WebSocket to SSE to long polling.
 */
export class StreamClient {
  readonly session: StreamSession;
  readonly status: CoalescedStore<ConnectionStatus>;
  readonly metrics: CoalescedStore<MetricsSnapshot>;
  readonly clock: ClockOffset;
  private state: ConnectionStatus;
  private symbols: readonly string[];
  private transport: Transport | null = null;
  private fallback: TransportFallback;
  private readonly cursor = new SavedCursor();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pinger: Pinger;
  private readonly now: Clock;
  private readonly policy: ReconnectPolicy;

  constructor(private readonly options: StreamClientOptions) {
    this.now = options.now ?? browserClock;
    this.clock = options.clock ?? new ClockOffset();
    this.policy = options.policy ?? new ReconnectPolicy();
    this.symbols = options.symbols ?? [];
    this.fallback = new TransportFallback(options.choice);
    this.state = initialStatus(options.choice);
    const onRejected = (rejections: Rejection[]) => options.onRejected?.(rejections);
    this.session = new StreamSession(this.clock, this.now, options.sink ?? null, onRejected, (e) => this.update({ lastError: e }));
    this.session.watch(this.symbols);
    this.pinger = new Pinger(this.now, options.pingIntervalMs ?? 2000);
    this.status = new CoalescedStore(() => this.state);
    this.metrics = new CoalescedStore(() => this.session.snapshot(), after(500));
  }

  start(): void {
    if (this.state.state !== 'stopped') return;
    this.fallback = new TransportFallback(this.state.choice);
    this.connect(this.fallback.current);
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.retire();
    this.update({ state: 'stopped', transport: null, retryInMs: null, waiting: false });
  }

  /** Switches transport; the symbols, seqs and cursor carry over, so data keeps flowing. */
  setTransport(choice: TransportChoice): void {
    const running = this.state.state !== 'stopped';
    this.stop();
    this.update({ choice });
    if (running) this.start();
  }

  setSymbols(symbols: readonly string[]): void {
    this.session.watch(symbols);
    this.symbols = [...symbols];
    this.transport?.setSymbols(this.symbols, this.session.seqs.resumeFor(this.symbols));
  }

  private connect(kind: TransportKind): void {
    this.update({ state: this.state.state === 'reconnecting' ? 'reconnecting' : 'connecting', transport: kind, retryInMs: null, waiting: false });
    const factory = this.options.transports ?? createTransport;
    const figures = this.session.use(kind);
    // A transport being replaced may still report; only the current one is heard.
    const ifCurrent =
      <A extends unknown[]>(handle: (...args: A) => void) =>
      (...args: A) => {
        if (this.transport === transport) handle(...args);
      };
    const transport: Transport = factory(kind, {
      baseUrl: this.options.baseUrl,
      symbols: this.symbols,
      cursor: this.cursor.for(this.symbols),
      listener: {
        opened: ifCurrent((handshake) => this.update({ state: 'open', handshake })),
        message: ifCurrent((message) => this.onMessage(transport, message)),
        frame: (direction, bytes, content) => this.session.frame(figures, direction, bytes, content),
        request: () => figures.requests++,
        connection: () => figures.connections++,
        serverTime: ifCurrent((serverTimeUs) => {
          if (!transport.canPing) this.clock.addServerTime(this.now(), serverTimeUs);
        }),
        symbolLimit: ifCurrent((maxSymbols) => this.update({ maxSymbols })),
        closed: ifCurrent((info) => this.onClosed(info)),
      },
    });
    this.transport = transport;
  }

  private onMessage(transport: Transport, message: ServerMessage): void {
    if (message.kind === 'hello') {
      const sameEpoch = this.session.seqs.enterEpoch(message.epoch);
      const resume = sameEpoch ? this.session.seqs.resumeFor(this.symbols) : null;
      this.policy.reset();
      this.update({
        hello: message,
        attempts: 0,
        resumed: resume ? Object.keys(resume).length : 0,
        lastError: null,
        ...(message.maxSymbols > 0 && { maxSymbols: message.maxSymbols }),
      });
      transport.setSymbols(this.symbols, resume);
      if (transport.canPing) this.pinger.start(transport);
    }
    this.session.handle(message);
    this.metrics.invalidate();
  }

  private onClosed(info: CloseInfo): void {
    this.retire();
    const reason = closeReason(info.reason);
    const step = this.fallback.next(info.wasOpen);
    if (step.wait === 'now') {
      this.update({ lastError: reason });
      this.connect(step.kind);
      return;
    }
    const delay = this.policy.nextDelayMs();
    this.update({ state: 'reconnecting', lastError: reason, retryInMs: Math.round(delay), attempts: this.policy.attempts, waiting: true });
    this.retryTimer = setTimeout(() => this.connect(step.kind), delay);
  }

  /** Closes the current transport, keeping its cursor for the next HTTP connection. */
  private retire(): void {
    this.pinger.stop();
    const transport = this.transport;
    if (!transport) return;
    this.transport = null;
    if (transport.cursor) this.cursor.save(transport.cursor, this.symbols);
    transport.close();
  }

  private update(patch: Partial<ConnectionStatus>): void {
    this.state = { ...this.state, ...patch };
    this.status.invalidate();
  }
}
