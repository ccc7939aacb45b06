import { formatBytes } from '../../lib/format';
import type { StreamClient } from '../../lib/stream/stream-client';
import { useWireTraffic } from '../../lib/stream/use-wire-traffic';

/** Handshake rows: compression and the server-counted wire bytes per tick (the frames below are payload sizes). */
export function CompressionInfo({ client }: { client: StreamClient }) {
  const traffic = useWireTraffic(client);
  // The rows stay while nothing is counted (no WebSocket, server down), so the inspector does not change height.
  return (
    <>
      <dt>Compressed</dt>
      <dd data-testid="inspector-compressed">{traffic ? (traffic.compressed ? 'yes' : 'no') : '—'}</dd>
      <dt>Wire bytes/tick</dt>
      <dd title="Counted by the server on this socket, both directions, frame headers included">{traffic ? formatBytes(traffic.wireBytesPerTick) : '—'}</dd>
    </>
  );
}
