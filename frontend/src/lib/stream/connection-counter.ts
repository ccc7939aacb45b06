/**
 * Counts the new connections behind a transport's fetches, as Resource Timing reports them: a
 * request on a reused keep-alive connection has no connect phase (connectEnd = connectStart).
 * Pages cannot see connections otherwise.
 */
export class ConnectionCounter {
  private readonly pending = new Set<string>();
  private readonly observer: PerformanceObserver | null = null;

  constructor(onNewConnection: () => void) {
    if (typeof PerformanceObserver !== 'function') return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[])
        if (this.pending.delete(entry.name) && entry.connectEnd > entry.connectStart) onNewConnection();
    });
    try {
      this.observer.observe({ type: 'resource' });
    } catch {
      this.observer = null; // a runtime without Resource Timing: connections stay uncounted
    }
  }

  /** Announces a request about to be made to `url`. */
  expect(url: string): void {
    this.pending.add(url);
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
