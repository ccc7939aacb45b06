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

  constructor(private readonly keep = 16) {}

  /** `sentMs`/`receivedMs` on the client clock, `serverTimeUs` from the Pong (µs since epoch). */
  addSample(sentMs: number, receivedMs: number, serverTimeUs: number): void {
    const rttMs = receivedMs - sentMs;
    if (!(rttMs >= 0)) return;
    this.samples.push({ rttMs, offsetMs: serverTimeUs / 1000 - (sentMs + receivedMs) / 2 });
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /** True once at least one Pong was heard; until then the offset is taken as 0. */
  get measured(): boolean {
    return this.samples.length > 0;
  }

  get best(): Sample | null {
    let best: Sample | null = null;
    for (const s of this.samples) if (!best || s.rttMs < best.rttMs) best = s;
    return best;
  }

  get offsetMs(): number {
    return this.best?.offsetMs ?? 0;
  }

  /** The server's clock now, in ms since the epoch, as far as the samples tell. */
  serverNowMs(clientNowMs: number): number {
    return clientNowMs + this.offsetMs;
  }
}
