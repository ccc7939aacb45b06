import { useStore } from '../../lib/store/use-store';
import type { StreamClient } from '../../lib/stream/stream-client';
import { CompressionInfo } from './compression-info';
import { describeFrame, truncate } from './describe-frame';

/** What the page can see of the handshake, and the latest frames decoded with their sizes. */
export function Inspector({ client }: { client: StreamClient }) {
  const { handshake, transport } = useStore(client.status);
  useStore(client.metrics); // re-read the frame log whenever the metrics refresh (twice a second)
  const frames = client.session.frames.latest();
  return (
    <section className="panel inspector" aria-label="Inspector">
      <header className="panel-header">
        <h2>Inspector</h2>
      </header>
      <dl className="handshake">
        <dt>URL</dt>
        <dd data-testid="handshake-url">{handshake?.url ?? '—'}</dd>
        <dt>{transport?.startsWith('ws') ? 'Subprotocol' : 'Content type'}</dt>
        <dd data-testid="handshake-protocol">{handshake?.protocol || '—'}</dd>
        <dt>Extensions</dt>
        <dd>{handshake?.extensions || 'none'}</dd>
        <CompressionInfo client={client} />
      </dl>
      <ol className="frames" reversed>
        {frames.map((f) => (
          <li key={f.id} className={f.direction}>
            <span className="dir">{f.direction === 'in' ? '↓' : '↑'}</span>
            <span className="bytes">{f.bytes} B</span>
            <code>{truncate(describeFrame(f.content))}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
