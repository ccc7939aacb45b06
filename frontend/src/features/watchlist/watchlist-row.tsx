import { memo } from 'react';
import { formatCount, formatPrice, formatSigned } from '../../lib/format';
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

/** One watched symbol; the price cell flashes on a move and says which way with ▲/▼, not colour alone. */
export const WatchlistRow = memo(function WatchlistRow({ symbol, name, row, selected, onSelect, onRemove }: Props) {
  const trend = row && row.change !== 0 ? (row.change > 0 ? 'up' : 'down') : 'flat';
  return (
    <tr
      className={selected ? 'selected' : undefined}
      data-symbol={symbol}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onSelect(symbol)}
      onKeyDown={(event) => event.key === 'Enter' && onSelect(symbol)}
    >
      <th scope="row">
        <span className="symbol">{symbol}</span>
        <span className="name">{name}</span>
      </th>
      <td className="num price">
        {row ? (
          <span className={row.flashing && row.direction ? `flash-${row.direction}` : undefined} data-testid="price">
            {row.direction === 'up' ? '▲' : row.direction === 'down' ? '▼' : ''} {formatPrice(row.price)}
          </span>
        ) : (
          '…'
        )}
      </td>
      <td className={`num change ${trend}`}>{row ? formatSigned(row.change) : ''}</td>
      <td className={`num change ${trend}`}>{row ? `${formatSigned(row.changePct)}%` : ''}</td>
      <td>
        <Sparkline points={row?.spark ?? []} />
      </td>
      <td className="num" data-testid="ticks">{row ? formatCount(row.ticks) : 0}</td>
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
