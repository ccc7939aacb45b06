import { formatBytes } from '../../lib/format';
import type { StreamClient } from '../../lib/stream/stream-client';
import { useWireTraffic } from '../../lib/stream/use-wire-traffic';

/** Under the latency table: whether the socket is compressed, and what a tick costs on the wire as the server counts it. */
export function WireTrafficRow({ client }: { client: StreamClient }) {
  const traffic = useWireTraffic(client);
  // Keeps its line while nothing is counted (no WebSocket, server down), so the panel does not change height.
  if (!traffic) return <p className="wire-traffic" data-testid="wire-traffic">Wire bytes per tick: —</p>;
  return (
    <p className="wire-traffic" data-testid="wire-traffic" data-compressed={traffic.compressed}>
      {traffic.compressed ? 'Compressed (permessage-deflate)' : 'Not compressed'} · wire bytes per tick{' '}
      <span data-testid="wire-bytes-per-tick" title="Counted by the server on this socket, both directions, frame headers included">
        {formatBytes(traffic.wireBytesPerTick)}
      </span>
    </p>
  );
}
