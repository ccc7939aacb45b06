import { memo } from 'react';
import { formatCompact, formatCount, formatPrice, formatSigned } from '../../lib/format';
import type { SymbolRow } from '../../lib/market/live-symbol';
import { Sparkline } from './sparkline';

interface Props {
  symbol: string;
  name: string;
  row: SymbolRow | undefined;
  selected: boolean;
  onSelect(symbol: string): void;
  onRemove(symbol: string): void;
}

const TREND_MARK = { up: '▲', down: '▼', flat: '' } as const;
const TREND_TEXT = { up: 'up since the open', down: 'down since the open', flat: 'unchanged since the open' } as const;

/** One watched symbol; the price cell flashes on a move and says which way with ▲/▼, not colour alone. */
export const WatchlistRow = memo(function WatchlistRow({ symbol, name, row, selected, onSelect, onRemove }: Props) {
  const trend = row?.trend ?? 'flat';
  return (
    <tr
      className={selected ? 'selected' : undefined}
      data-symbol={symbol}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onSelect(symbol)}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault(); // Space would scroll the page
        onSelect(symbol);
      }}
    >
      <th scope="row">
        <span className="symbol">{symbol}</span>
        <span className="name">{name}</span>
      </th>
      <td className="num price">
        {row ? (
          <span className={row.flashing && row.direction ? `flash-${row.direction}` : undefined} data-testid="price">
            <span aria-label={TREND_TEXT[trend]}>{TREND_MARK[trend]}</span> {formatPrice(row.price)}
          </span>
        ) : (
          '…'
        )}
      </td>
      <td className={`num change abs ${trend}`}>{row ? formatSigned(row.change) : ''}</td>
      <td className={`num change ${trend}`}>{row ? `${formatSigned(row.changePct)}%` : ''}</td>
      <td>
        <Sparkline points={row?.spark ?? []} />
      </td>
      <td className="num ticks" data-testid="ticks" data-count={row?.ticks ?? 0} title={`${formatCount(row?.ticks ?? 0)} ticks received`}>
        {formatCompact(row?.ticks ?? 0)}
      </td>
      <td>
        <button
          className="icon"
          aria-label={`Remove ${symbol}`}
          onClick={(event) => {
            event.stopPropagation();
            onRemove(symbol);
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
});
