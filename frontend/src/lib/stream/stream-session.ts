import type { ClockOffset, Clock } from './clock-offset';
import { FrameLog } from './frame-log';
import type { LatencyPoint, LatencySummary } from './latency-stats';
import type { MarketSink } from './market-sink';
import type { Rejection, ServerMessage, Tick } from './protocol';
import { SeqTracker } from './seq-tracker';
import type { FrameContent, TransportKind } from './transport';
import { TransportFigures } from './transport-figures';

export interface MetricsSnapshot {
  /** The transport the figures are of (null before any connected). */
  transport: TransportKind | null;
  ticks: number;
  bytesIn: number;
  framesIn: number;
  requests: number;
  connections: number;
  gaps: number;
  conflatedFrames: number;
  missed: number;
  ticksPerSecond: number;
  bytesPerTick: number | null;
  latency: LatencySummary | null;
  series: readonly LatencyPoint[];
  clockOffsetMs: number | null;
  clockRttMs: number | null;
}

/**
 * Everything a client learns from the messages it receives. Seqs carry over from one transport
 * to the next; ticks, bytes, requests, connections and tick ages are kept per transport.
 */
export class StreamSession {
  readonly seqs = new SeqTracker();
  readonly frames = new FrameLog();
  private readonly byKind = new Map<TransportKind, TransportFigures>();
  private current: TransportFigures | null = null;
  private watched = new Set<string>();

  constructor(
    private readonly clock: ClockOffset,
    private readonly now: Clock,
    private readonly sink: MarketSink | null,
    private readonly onRejected: (rejections: Rejection[]) => void,
    private readonly onError: (message: string) => void,
  ) {}

  /**
   * The symbols subscribed now. Ticks already in flight when a symbol was unsubscribed are
   * dropped, so they neither revive its row nor leave a stale seq to resume from later.
   */
  watch(symbols: readonly string[]): void {
    const kept = new Set(symbols);
    this.seqs.forget([...this.watched].filter((s) => !kept.has(s)));
    this.watched = kept;
  }

  /** The figures of `kind`, from now on the ones shown: kept from its earlier use, if any. */
  use(kind: TransportKind): TransportFigures {
    let figures = this.byKind.get(kind);
    if (!figures) this.byKind.set(kind, (figures = new TransportFigures(kind)));
    this.current = figures;
    return figures;
  }

  /** Every frame on the wire: kept for the inspector, and counted (to its own transport) when it came in. */
  frame(figures: TransportFigures, direction: 'in' | 'out', bytes: number, content: FrameContent): void {
    this.frames.add(direction, bytes, this.now(), content);
    if (direction === 'out') return;
    figures.bytesIn += bytes;
    figures.framesIn++;
  }

  handle(message: ServerMessage): void {
    switch (message.kind) {
      case 'snapshot':
        this.seqs.snapshot(message.quotes);
        this.sink?.applySnapshot(message.quotes);
        break;
      case 'ticks':
        this.onTicks(message.ticks, message.flags);
        break;
      case 'pong':
        if (typeof message.clientTime === 'number') this.clock.addSample(message.clientTime, this.now(), message.serverTime);
        break;
      case 'market':
        this.sink?.setMarketState(message.state);
        break;
      case 'suback':
        if (message.rejected.length > 0) this.onRejected(message.rejected);
        break;
      case 'error':
        this.onError(`server error ${message.code}: ${message.message}`);
        break;
      case 'hello':
        this.sink?.setEpoch(message.epoch);
        break;
    }
  }

  private onTicks(ticks: Tick[], flags: number): void {
    this.seqs.frame(flags);
    const figures = this.current;
    const now = this.now();
    const serverNowUs = this.clock.serverNowMs(now) * 1000;
    let fresh = ticks; // copied only once a tick has to be dropped
    for (let i = 0; i < ticks.length; i++) {
      const tick = ticks[i];
      if (!this.watched.has(tick.symbol) || !this.seqs.accept(tick, flags)) {
        fresh = fresh === ticks ? ticks.slice(0, i) : fresh;
        continue;
      }
      if (fresh !== ticks) fresh.push(tick);
      figures?.latency.record((serverNowUs - tick.time) / 1000, now);
    }
    if (figures) figures.ticks += fresh.length;
    if (fresh.length > 0) this.sink?.applyTicks(fresh);
  }

  snapshot(): MetricsSnapshot {
    const now = this.now();
    const f = this.current ?? NO_FIGURES;
    const best = this.clock.best;
    return {
      transport: this.current?.kind ?? null,
      ticks: f.ticks,
      bytesIn: f.bytesIn,
      framesIn: f.framesIn,
      requests: f.requests,
      connections: f.connections,
      gaps: this.seqs.gaps,
      conflatedFrames: this.seqs.conflatedFrames,
      missed: this.seqs.missed,
      ticksPerSecond: f.ticksPerSecond(now),
      bytesPerTick: f.ticks > 0 ? f.bytesIn / f.ticks : null,
      latency: f.latency.summary(now),
      series: f.latency.series(now),
      clockOffsetMs: best?.offsetMs ?? null,
      clockRttMs: best?.rttMs ?? null,
    };
  }
}

const NO_FIGURES = new TransportFigures('ws-msgpack');
