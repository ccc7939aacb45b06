import type { MarketState } from '../../lib/stream/protocol';

const TEXT: Record<MarketState, string> = {
  open: 'Market open',
  closed: 'Market closed: no ticks until it opens',
  halted: 'Trading halted',
};

interface Props {
  state: MarketState | null;
  /** False while the page has no live connection: the market state it knows may be stale. */
  connected: boolean;
}

/** The market's state, or that the server cannot be reached; always there, so the page never jumps. */
export function MarketBanner({ state, connected }: Props) {
  const shown = connected && state ? state : 'offline';
  const text = connected ? (state ? TEXT[state] : 'Waiting for the market state…') : state ? `Server unreachable: prices as last received (the market was ${state})` : 'Connecting to the server…';
  return (
    <div className={`market-banner ${shown}`} role="status" data-testid="market-state" data-state={connected ? (state ?? 'unknown') : 'offline'}>
      {text}
    </div>
  );
}
