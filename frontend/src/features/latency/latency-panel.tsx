import { useStore } from '../../lib/store/use-store';
import type { StreamClient } from '../../lib/stream/stream-client';
import { TRANSPORT_LABELS } from '../../lib/stream/transport';
import { ComparePanel } from './compare-panel';
import { LatencyHistogram } from './latency-histogram';
import { MetricsTable } from './metrics-table';
import { WireTrafficRow } from './wire-traffic-row';

interface Props {
  client: StreamClient;
  baseUrl: string;
  symbols: readonly string[];
  compare: boolean;
  onCompareChange(compare: boolean): void;
}

/** Tick age (server time of the tick vs. now, corrected for clock offset) and wire costs. */
export function LatencyPanel({ client, baseUrl, symbols, compare, onCompareChange }: Props) {
  const metrics = useStore(client.metrics);
  const status = useStore(client.status);
  const label = status.transport ? TRANSPORT_LABELS[status.transport] : 'Active';
  return (
    <section className="panel latency" aria-label="Latency">
      <header className="panel-header">
        <h2>Latency</h2>
        <label className="toggle">
          <input type="checkbox" checked={compare} onChange={(e) => onCompareChange(e.target.checked)} /> Compare WebSocket vs long polling
        </label>
      </header>
      {compare ? (
        <ComparePanel baseUrl={baseUrl} symbols={symbols} clock={client.clock} />
      ) : (
        <>
          <MetricsTable columns={[{ label, metrics }]} />
          <WireTrafficRow client={client} />
          <LatencyHistogram counts={metrics.latency?.histogram ?? []} />
        </>
      )}
    </section>
  );
}
