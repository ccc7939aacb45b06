import { formatBytes, formatCount, formatMs } from '../../lib/format';
import type { MetricsSnapshot } from '../../lib/stream/stream-session';

/** The figures the latency panel shows, one column per client (active, or WebSocket vs long polling). */
export function MetricsTable({ columns }: { columns: { label: string; metrics: MetricsSnapshot }[] }) {
  const rows: [string, (m: MetricsSnapshot) => string, string?][] = [
    ['tick age p50', (m) => formatMs(m.latency?.p50)],
    ['tick age p95', (m) => formatMs(m.latency?.p95)],
    ['tick age p99', (m) => formatMs(m.latency?.p99)],
    ['ticks/s', (m) => formatCount(m.ticksPerSecond)],
    ['bytes per tick', (m) => formatBytes(m.bytesPerTick), 'Payload bytes (frames, bodies, event lines) per tick; headers are not visible to a page'],
    ['ticks received', (m) => formatCount(m.ticks)],
    ['HTTP requests', (m) => formatCount(m.requests)],
    [
      'connections opened',
      (m) => formatCount(m.connections),
      'Sockets and event streams opened; for long polling, new connections as Resource Timing reports them (polls reuse keep-alive connections, the page’s own included)',
    ],
    ['clock offset', (m) => (m.clockOffsetMs == null ? 'not measured' : `${formatMs(m.clockOffsetMs)} (rtt ${formatMs(m.clockRttMs)})`)],
  ];
  return (
    <table className="metrics">
      <thead>
        <tr>
          <th scope="col" />
          {columns.map((c) => (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value, title]) => (
          <tr key={label} title={title}>
            <th scope="row">{label}</th>
            {columns.map((c) => (
              <td key={c.label} className="num" data-metric={label}>
                {value(c.metrics)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
