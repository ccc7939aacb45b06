import { LatencyStats } from './latency-stats';
import type { TransportKind } from './transport';

/**
 * What one transport brought: its ticks, bytes, requests, connections and tick ages. A client
 * keeps one per transport it used, so switching never mixes one transport's costs into another's.
 */
export class TransportFigures {
  readonly latency = new LatencyStats();
  ticks = 0;
  bytesIn = 0;
  framesIn = 0;
  requests = 0;
  connections = 0;
  private rateMark = { at: 0, ticks: 0, rate: 0 };

  constructor(readonly kind: TransportKind) {}

  /** Ticks per second over the last second or so, measured at `now` (ms). */
  ticksPerSecond(now: number): number {
    const mark = this.rateMark;
    if (now - mark.at >= 1000) {
      mark.rate = mark.at === 0 ? 0 : ((this.ticks - mark.ticks) * 1000) / (now - mark.at);
      mark.at = now;
      mark.ticks = this.ticks;
    }
    return mark.rate;
  }
}
