import { useId, useState } from 'react';
import { isValidSymbol } from '../../lib/market/watchlist-store';
import type { Instrument } from './use-instruments';

interface Props {
  instruments: readonly Instrument[];
  watched: readonly string[];
  onAdd(symbol: string): void;
}

/** Search `/api/symbols` by symbol or name; Enter adds the typed symbol even if it is not listed. */
export function SymbolPicker({ instruments, watched, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const q = query.trim().toUpperCase();
  const matches = q
    ? instruments
        .filter((i) => !watched.includes(i.symbol) && (i.symbol.includes(q) || i.name.toUpperCase().includes(q)))
        .slice(0, 8)
    : [];

  const add = (symbol: string) => {
    if (!isValidSymbol(symbol)) {
      setProblem(`“${symbol}” is not a symbol (1–12 of A–Z 0–9 . -)`);
      return;
    }
    onAdd(symbol);
    setQuery('');
    setProblem(null);
  };

  return (
    <form
      className="symbol-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (q) add(matches.find((m) => m.symbol === q)?.symbol ?? q);
      }}
    >
      <input
        type="search"
        aria-label="Add symbol"
        placeholder="Add symbol…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-controls={listId}
        autoComplete="off"
      />
      <button type="submit">Add</button>
      {problem && <p className="notice error">{problem}</p>}
      {matches.length > 0 && (
        <ul id={listId} className="matches" role="listbox" aria-label="Matching symbols">
          {matches.map((m) => (
            <li key={m.symbol} role="option" aria-selected={false} onClick={() => add(m.symbol)}>
              <strong>{m.symbol}</strong> {m.name} <span className="muted">{m.exchange}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
