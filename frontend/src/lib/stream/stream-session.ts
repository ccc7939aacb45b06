import type { ClockOffset, Clock } from './clock-offset';
import { FrameLog } from './frame-log';
import { LatencyStats, type LatencyPoint, type LatencySummary } from './latency-stats';
import type { MarketSink } from './market-sink';
import type { Rejection, ServerMessage, Tick } from './protocol';
import { SeqTracker } from './seq-tracker';
import type { FrameContent } from './transport';

export interface MetricsSnapshot {
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

/** Everything a client learns from the messages it receives, whichever transport brought them. */
export class StreamSession {
  readonly seqs = new SeqTracker();
  readonly latency = new LatencyStats();
  readonly frames = new FrameLog();
  ticks = 0;
  bytesIn = 0;
  framesIn = 0;
  requests = 0;
  connections = 0;
  private rateMark = { at: 0, ticks: 0, rate: 0 };
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

  /** Every frame on the wire: kept for the inspector, and counted when it came in. */
  frame(direction: 'in' | 'out', bytes: number, content: FrameContent): void {
    this.frames.add(direction, bytes, this.now(), content);
    if (direction === 'out') return;
    this.bytesIn += bytes;
    this.framesIn++;
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
      this.latency.record((serverNowUs - tick.time) / 1000, now);
    }
    this.ticks += fresh.length;
    if (fresh.length > 0) this.sink?.applyTicks(fresh);
  }

  snapshot(): MetricsSnapshot {
    const now = this.now();
    const mark = this.rateMark;
    if (now - mark.at >= 1000) {
      mark.rate = mark.at === 0 ? 0 : ((this.ticks - mark.ticks) * 1000) / (now - mark.at);
      mark.at = now;
      mark.ticks = this.ticks;
    }
    const best = this.clock.best;
    return {
      ticks: this.ticks,
      bytesIn: this.bytesIn,
      framesIn: this.framesIn,
      requests: this.requests,
      connections: this.connections,
      gaps: this.seqs.gaps,
      conflatedFrames: this.seqs.conflatedFrames,
      missed: this.seqs.missed,
      ticksPerSecond: mark.rate,
      bytesPerTick: this.ticks > 0 ? this.bytesIn / this.ticks : null,
      latency: this.latency.summary(now),
      series: this.latency.series(now),
      clockOffsetMs: best?.offsetMs ?? null,
      clockRttMs: best?.rttMs ?? null,
    };
  }
}
