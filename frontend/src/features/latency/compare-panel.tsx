import { lazy, Suspense, useEffect, useState } from 'react';
import { StoreList } from '../../lib/store/store-list';
import { useStore } from '../../lib/store/use-store';
import type { ClockOffset } from '../../lib/stream/clock-offset';
import { StreamClient } from '../../lib/stream/stream-client';
import type { TransportKind } from '../../lib/stream/transport';
import { MetricsTable } from './metrics-table';

const LatencyChart = lazy(() => import('./latency-chart').then((m) => ({ default: m.LatencyChart })));

/** The transports compare mode can run side by side, with their short labels and colours. */
export const COMPARABLE: readonly { kind: TransportKind; label: string; color: string }[] = [
  { kind: 'ws-msgpack', label: 'WebSocket', color: '#4aa3ff' },
  { kind: 'sse', label: 'SSE', color: '#b38cff' },
  { kind: 'long-poll', label: 'Long polling', color: '#f5a623' },
  { kind: 'signalr', label: 'SignalR', color: '#3ddc84' },
];

interface Props {
  baseUrl: string;
  kinds: readonly TransportKind[];
  symbols: readonly string[];
  clock: ClockOffset;
}

/**
 * Several transports on the same symbols at the same time, each its own connection, measured
 * the same way (tick age against the shared clock offset). Mount it with a `key` naming the
 * transports: a different set is a different comparison.
 */
export function ComparePanel({ baseUrl, kinds, symbols, clock }: Props) {
  const [clients] = useState(() => kinds.map((kind) => new StreamClient({ baseUrl, choice: kind, symbols, clock })));
  const [list] = useState(() => new StoreList(clients.map((client) => client.metrics)));

  useEffect(() => {
    clients.forEach((client) => client.start());
    return () => clients.forEach((client) => client.stop());
  }, [clients]);

  useEffect(() => {
    clients.forEach((client) => client.setSymbols(symbols));
  }, [clients, symbols]);

  const metrics = useStore(list);
  const shown = kinds.map((kind, i) => ({ ...COMPARABLE.find((c) => c.kind === kind)!, metrics: metrics[i] }));
  return (
    <div className="compare" data-testid="compare">
      <Suspense fallback={<div className="latency-chart" />}>
        <LatencyChart series={shown.map(({ label, color, metrics }) => ({ label, color, points: metrics.series }))} />
      </Suspense>
      <MetricsTable columns={shown.map(({ label, metrics }) => ({ label, metrics }))} />
    </div>
  );
}
