import type { PollAnswer } from './poll-answer';
import { TickFlags, type MarketState } from './protocol';
import { httpHello, type TransportListener } from './transport';

/** Turns poll answers (long polling and SSE) into the messages a WebSocket would have sent. */
export class AnswerTranslator {
  private epoch: string | null = null;
  private market: MarketState | null = null;

  constructor(private readonly listener: TransportListener) {}

  apply(answer: PollAnswer): void {
    const { listener } = this;
    if (answer.epoch !== this.epoch) {
      this.epoch = answer.epoch;
      listener.message(httpHello(answer.epoch));
    }
    this.marketState(answer.market, 0);
    if (answer.quotes.length > 0) listener.message({ kind: 'snapshot', quotes: answer.quotes });
    if (answer.ticks.length > 0 || answer.missed)
      listener.message({ kind: 'ticks', ticks: answer.ticks, flags: answer.missed ? TickFlags.Missed : 0 });
  }

  marketState(state: MarketState, serverTime: number): void {
    if (state === this.market) return;
    this.market = state;
    this.listener.message({ kind: 'market', state, serverTime });
  }
}
