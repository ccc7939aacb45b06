import type { TransportChoice, TransportKind } from './transport';

/** What Auto tries, in order: WebSocket, then SSE, then long polling. */
export const AUTO_ORDER: readonly TransportKind[] = ['ws-msgpack', 'sse', 'long-poll'];

/**
 * Failed attempts in a row of a transport that has worked before, before Auto hands over to the
 * next one: its failing then more likely means the server is down than that the transport is blocked.
 */
export const RETRIES_BEFORE_HANDOVER = 3;

export type NextStep = { kind: TransportKind; wait: 'now' | 'backoff' };

/**
 * Which transport to try next. A transport that never got through hands over to the next one at
 * once; one that has been open before is retried with backoff a few times first, so a server
 * restart does not leave Auto on a fallback that merely answered first. When every candidate
 * failed, or an open connection dropped, the plan starts again from the first candidate after a
 * backoff.
 */
export class TransportFallback {
  private readonly candidates: readonly TransportKind[];
  private readonly worked = new Set<TransportKind>();
  private index = 0;
  private failures = 0;

  constructor(choice: TransportChoice) {
    this.candidates = choice === 'auto' ? AUTO_ORDER : [choice];
  }

  get current(): TransportKind {
    return this.candidates[this.index];
  }

  next(wasOpen: boolean): NextStep {
    if (wasOpen) {
      this.worked.add(this.current);
      return this.restart();
    }
    if (this.worked.has(this.current) && ++this.failures < RETRIES_BEFORE_HANDOVER) return { kind: this.current, wait: 'backoff' };
    this.failures = 0;
    if (this.index + 1 < this.candidates.length) {
      this.index++;
      return { kind: this.current, wait: 'now' };
    }
    return this.restart();
  }

  private restart(): NextStep {
    this.index = 0;
    this.failures = 0;
    return { kind: this.current, wait: 'backoff' };
  }
}
