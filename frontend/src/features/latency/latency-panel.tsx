import { useState } from 'react';
import { useStore } from '../../lib/store/use-store';
import type { StreamClient } from '../../lib/stream/stream-client';
import { TRANSPORT_LABELS, type TransportKind } from '../../lib/stream/transport';
import { COMPARABLE, ComparePanel } from './compare-panel';
import { LatencyHistogram } from './latency-histogram';
import { MetricsTable } from './metrics-table';
import { WireTrafficRow } from './wire-traffic-row';

interface Props {
  client: StreamClient;
  baseUrl: string;
  symbols: readonly string[];
}

/**
 * Tick age (server time of the tick vs. now, corrected for clock offset) and wire costs of the
 * transport in use — each transport's own figures, kept apart across switches — or, in compare
 * mode, of two or more transports side by side.
 */
export function LatencyPanel({ client, baseUrl, symbols }: Props) {
  const metrics = useStore(client.metrics);
  const [compare, setCompare] = useState(false);
  const [kinds, setKinds] = useState<readonly TransportKind[]>(['ws-msgpack', 'long-poll']);
  const toggle = (kind: TransportKind, on: boolean) =>
    setKinds(COMPARABLE.map((c) => c.kind).filter((k) => (k === kind ? on : kinds.includes(k))));
  const label = metrics.transport ? TRANSPORT_LABELS[metrics.transport] : 'No transport yet';
  return (
    <section className="panel latency" aria-label="Latency">
      <header className="panel-header">
        <h2>Latency</h2>
        <label className="toggle">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} /> Compare transports
        </label>
        {compare && (
          <fieldset className="compare-kinds">
            <legend className="visually-hidden">Transports to compare</legend>
            {COMPARABLE.map((c) => (
              <label key={c.kind} className="toggle">
                <input type="checkbox" checked={kinds.includes(c.kind)} onChange={(e) => toggle(c.kind, e.target.checked)} /> {c.label}
              </label>
            ))}
          </fieldset>
        )}
      </header>
      {!compare ? (
        <>
          <p className="muted figures-of" data-testid="figures-of" data-transport={metrics.transport ?? ''}>
            Figures of <strong>{label}</strong> since it was first used on this page
          </p>
          <MetricsTable columns={[{ label, metrics }]} />
          <WireTrafficRow client={client} />
          <LatencyHistogram counts={metrics.latency?.histogram ?? []} />
        </>
      ) : kinds.length >= 2 ? (
        <ComparePanel key={kinds.join(',')} baseUrl={baseUrl} kinds={kinds} symbols={symbols} clock={client.clock} />
      ) : (
        <p className="muted">Pick two or more transports to compare.</p>
      )}
    </section>
  );
}
