import { formatBytes } from '../../lib/format';
import type { StreamClient } from '../../lib/stream/stream-client';
import { useWireTraffic } from '../../lib/stream/use-wire-traffic';

/** Handshake rows: compression and the server-counted wire bytes per tick (the frames below are payload sizes). */
export function CompressionInfo({ client }: { client: StreamClient }) {
  const traffic = useWireTraffic(client);
  if (!traffic) return null;
  return (
    <>
      <dt>Compressed</dt>
      <dd data-testid="inspector-compressed">{traffic.compressed ? 'yes' : 'no'}</dd>
      <dt>Wire bytes/tick</dt>
      <dd title="Counted by the server on this socket, both directions, frame headers included">{formatBytes(traffic.wireBytesPerTick)}</dd>
    </>
  );
}
