import type { MarketState } from '../../lib/stream/protocol';

const TEXT: Record<MarketState, string> = {
  open: 'Market open',
  closed: 'Market closed: no ticks until it opens',
  halted: 'Trading halted',
};

export function MarketBanner({ state }: { state: MarketState | null }) {
  if (!state) return null;
  return (
    <div className={`market-banner ${state}`} role="status" data-testid="market-state" data-state={state}>
      {TEXT[state]}
    </div>
  );
}
