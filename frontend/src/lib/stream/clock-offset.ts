/** A clock in milliseconds since the Unix epoch, with sub-millisecond resolution. */
export type Clock = () => number;

export const browserClock: Clock = () => performance.timeOrigin + performance.now();

interface Sample {
  rttMs: number;
  offsetMs: number;
}

/**
 * Server-minus-client clock offset, NTP style: each Ping/Pong gives
 * offset = serverTime − (sent + received) / 2, which is exact when the path is symmetric and off
 * by at most RTT / 2 otherwise; so of the recent samples the one with the smallest RTT wins.
 */
export class ClockOffset {
  private readonly samples: Sample[] = [];
  private readonly oneWay: number[] = [];

  constructor(private readonly keep = 16) {}

  /** `sentMs`/`receivedMs` on the client clock, `serverTimeUs` from the Pong (µs since epoch). */
  addSample(sentMs: number, receivedMs: number, serverTimeUs: number): void {
    const rttMs = receivedMs - sentMs;
    if (!(rttMs >= 0)) return;
    this.samples.push({ rttMs, offsetMs: serverTimeUs / 1000 - (sentMs + receivedMs) / 2 });
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /**
   * An answer the server wrote at `serverTimeUs` arrived at `receivedMs` (HTTP transports have no
   * Ping). It travelled for some d ≥ 0, so offset = serverTime − received + d ≥ serverTime − received:
   * each answer bounds the offset from below, and the largest recent bound (the quickest trip)
   * is the estimate, short of the true offset by that trip's one-way delay. Ping samples win.
   */
  addServerTime(receivedMs: number, serverTimeUs: number): void {
    if (!(serverTimeUs > 0)) return;
    this.oneWay.push(serverTimeUs / 1000 - receivedMs);
    if (this.oneWay.length > this.keep) this.oneWay.shift();
  }

  /** How the offset is known: Ping/Pong round trips, answers' serverTime, or not at all (taken as 0). */
  get source(): 'ping' | 'server-time' | null {
    if (this.samples.length > 0) return 'ping';
    return this.oneWay.length > 0 ? 'server-time' : null;
  }

  /** True once a Pong or a serverTime was heard; until then the offset is taken as 0. */
  get measured(): boolean {
    return this.source !== null;
  }

  get best(): Sample | null {
    let best: Sample | null = null;
    for (const s of this.samples) if (!best || s.rttMs < best.rttMs) best = s;
    return best;
  }

  get offsetMs(): number {
    const best = this.best;
    if (best) return best.offsetMs;
    return this.oneWay.length > 0 ? Math.max(...this.oneWay) : 0;
  }

  /** The server's clock now, in ms since the epoch, as far as the samples tell. */
  serverNowMs(clientNowMs: number): number {
    return clientNowMs + this.offsetMs;
  }
}
