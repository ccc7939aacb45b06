export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter (delay drawn uniformly from [0, min(max, base·2^n)]), so
 * clients dropped together by a restart do not come back together.
 */
export class ReconnectPolicy {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = { baseMs: 250, maxMs: 10_000 },
    private readonly random: () => number = Math.random,
  ) {}

  get attempts(): number {
    return this.attempt;
  }

  /** The delay before the next attempt; each call counts one more attempt. */
  nextDelayMs(): number {
    const ceiling = Math.min(this.options.maxMs, this.options.baseMs * 2 ** this.attempt);
    this.attempt++;
    return this.random() * ceiling;
  }

  /** A connection got through: the next failure starts from the base delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
