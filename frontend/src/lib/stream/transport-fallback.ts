import type { TransportChoice, TransportKind } from './transport';

/** What Auto tries, in order: WebSocket, then SSE, then long polling. */
export const AUTO_ORDER: readonly TransportKind[] = ['ws-msgpack', 'sse', 'long-poll'];

export type NextStep = { kind: TransportKind; wait: 'now' | 'backoff' };

/**
 * Which transport to try next. A transport that never got through hands over to the next one at
 * once; when every candidate failed, or an open connection dropped, the plan starts again from
 * the first candidate after a backoff.
 */
export class TransportFallback {
  private readonly candidates: readonly TransportKind[];
  private index = 0;

  constructor(choice: TransportChoice) {
    this.candidates = choice === 'auto' ? AUTO_ORDER : [choice];
  }

  get current(): TransportKind {
    return this.candidates[this.index];
  }

  next(wasOpen: boolean): NextStep {
    if (!wasOpen && this.index + 1 < this.candidates.length) {
      this.index++;
      return { kind: this.current, wait: 'now' };
    }
    this.index = 0;
    return { kind: this.current, wait: 'backoff' };
  }
}
