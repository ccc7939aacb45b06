import { useId, useState, type KeyboardEvent } from 'react';
import type { Instrument } from './use-instruments';

interface Props {
  instruments: readonly Instrument[];
  watched: readonly string[];
  /** Adds a symbol; returns why it cannot be added, or null. */
  onAdd(symbol: string): string | null;
}

const MAX_MATCHES = 8;

/**
 * Search `/api/symbols` by symbol or name (the ARIA combobox pattern): ↓/↑ move through the
 * matches, Enter adds the one marked (or the typed symbol even if it is not listed, so the server
 * can reject it visibly), Escape closes the list.
 */
export function SymbolPicker({ instruments, watched, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const q = query.trim().toUpperCase();
  const matches = q
    ? instruments.filter((i) => !watched.includes(i.symbol) && (i.symbol.includes(q) || i.name.toUpperCase().includes(q))).slice(0, MAX_MATCHES)
    : [];
  const marked = active >= 0 && active < matches.length ? active : -1;
  const optionId = (i: number) => `${listId}-${i}`;

  const add = (symbol: string) => {
    const refusal = onAdd(symbol);
    setProblem(refusal);
    if (refusal) return;
    setQuery('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (matches.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((marked + step + matches.length + (marked < 0 && step < 0 ? 1 : 0)) % matches.length);
    } else if (event.key === 'Escape') {
      setActive(-1);
      setQuery('');
    }
  };

  return (
    <form
      className="symbol-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (marked >= 0) add(matches[marked].symbol);
        else if (q) add(matches.find((m) => m.symbol === q)?.symbol ?? q);
      }}
    >
      <input
        type="search"
        role="combobox"
        aria-label="Add symbol"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={marked >= 0 ? optionId(marked) : undefined}
        placeholder="Add symbol…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      <button type="submit">Add</button>
      {problem && <p className="notice error">{problem}</p>}
      <ul id={listId} className="matches" role="listbox" aria-label="Matching symbols" hidden={matches.length === 0}>
        {matches.map((m, i) => (
          <li
            key={m.symbol}
            id={optionId(i)}
            role="option"
            aria-selected={i === marked}
            className={i === marked ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()} // keep the focus in the input
            onClick={() => add(m.symbol)}
          >
            <strong>{m.symbol}</strong> {m.name} <span className="muted">{m.exchange}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
