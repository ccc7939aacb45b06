import { useEffect, useState } from 'react';
import { useStore } from '../../lib/store/use-store';
import type { ClockOffset } from '../../lib/stream/clock-offset';
import { StreamClient } from '../../lib/stream/stream-client';
import { LatencyChart } from './latency-chart';
import { MetricsTable } from './metrics-table';

interface Props {
  baseUrl: string;
  symbols: readonly string[];
  clock: ClockOffset;
}

/**
 * WebSocket and long polling side by side on the same symbols at the same time, each its own
 * connection, measured the same way (tick age against the shared clock offset).
 */
export function ComparePanel({ baseUrl, symbols, clock }: Props) {
  const [clients] = useState(() => ({
    ws: new StreamClient({ baseUrl, choice: 'ws-msgpack', symbols, clock }),
    poll: new StreamClient({ baseUrl, choice: 'long-poll', symbols, clock }),
  }));

  useEffect(() => {
    clients.ws.start();
    clients.poll.start();
    return () => {
      clients.ws.stop();
      clients.poll.stop();
    };
  }, [clients]);

  useEffect(() => {
    clients.ws.setSymbols(symbols);
    clients.poll.setSymbols(symbols);
  }, [clients, symbols]);

  const ws = useStore(clients.ws.metrics);
  const poll = useStore(clients.poll.metrics);
  return (
    <div className="compare" data-testid="compare">
      <LatencyChart
        series={[
          { label: 'WebSocket', color: '#4aa3ff', points: ws.series },
          { label: 'Long polling', color: '#f5a623', points: poll.series },
        ]}
      />
      <MetricsTable
        columns={[
          { label: 'WebSocket', metrics: ws },
          { label: 'Long polling', metrics: poll },
        ]}
      />
    </div>
  );
}
