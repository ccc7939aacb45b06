import type { Clock } from './clock-offset';
import type { Transport } from './transport';

/** Pings sent quickly after connecting, before settling to the interval. */
const BURST = 5;
const BURST_GAP_MS = 200;

/**
 * Pings the open transport: the Pongs feed the clock offset, and their arrival proves the
 * connection alive when the market is quiet. It starts with a quick burst, because the first
 * Pong often waits behind the Snapshot and a skewed first sample would misstate tick ages until
 * a better one comes.
 */
export class Pinger {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly now: Clock,
    private readonly intervalMs: number,
  ) {}

  start(transport: Transport): void {
    this.stop();
    const ping = (sent: number) => {
      transport.ping(this.now());
      this.timer = setTimeout(() => ping(sent + 1), sent < BURST ? BURST_GAP_MS : this.intervalMs);
    };
    ping(1);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
