import type { Clock } from './clock-offset';
import type { Transport } from './transport';

/**
 * Pings the open transport at once and then every interval: the Pongs feed the clock offset,
 * and their arrival proves the connection alive when the market is quiet.
 */
export class Pinger {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly now: Clock,
    private readonly intervalMs: number,
  ) {}

  start(transport: Transport): void {
    this.stop();
    transport.ping(this.now());
    this.timer = setInterval(() => transport.ping(this.now()), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
