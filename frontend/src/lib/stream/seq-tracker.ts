import { TickFlags, type Quote, type ResumeMap, type Tick } from './protocol';

/** The last seq seen per symbol within one epoch: finds gaps, drops repeats, builds resume maps. */
export class SeqTracker {
  private epoch: string | null = null;
  private readonly last = new Map<string, number>();
  gaps = 0;
  conflatedFrames = 0;
  missed = 0;

  /** On each Hello: true when the seqs seen so far belong to this epoch's stream. */
  enterEpoch(epoch: string): boolean {
    if (epoch === this.epoch) return true;
    this.epoch = epoch;
    this.last.clear();
    return false;
  }

  resumeFor(symbols: readonly string[]): ResumeMap | null {
    const entries = symbols.filter((s) => this.last.has(s)).map((s) => [s, this.last.get(s)!] as const);
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  }

  snapshot(quotes: readonly Quote[]): void {
    for (const quote of quotes) this.last.set(quote.symbol, quote.seq);
  }

  /** Counts the frame's flags; the caller then offers each tick to `accept`. */
  frame(flags: number): void {
    if (flags & TickFlags.Conflated) this.conflatedFrames++;
    if (flags & TickFlags.Missed) this.missed++;
  }

  /**
   * False for a tick already seen (seq not above the last). Counts a gap when seqs jump
   * unannounced: a frame flagged conflated (WebSocket) or missed (HTTP) announces its jumps.
   */
  accept(tick: Tick, flags: number): boolean {
    const previous = this.last.get(tick.symbol);
    if (previous !== undefined) {
      if (tick.seq <= previous) return false;
      if (tick.seq !== previous + 1 && !(flags & (TickFlags.Conflated | TickFlags.Missed))) this.gaps++;
    }
    this.last.set(tick.symbol, tick.seq);
    return true;
  }

  forget(symbols: readonly string[]): void {
    symbols.forEach((s) => this.last.delete(s));
  }
}
