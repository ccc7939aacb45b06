import { useStore } from '../../lib/store/use-store';
import type { StreamClient } from '../../lib/stream/stream-client';
import { TRANSPORT_LABELS, type TransportChoice } from '../../lib/stream/transport';

const CHOICES = Object.keys(TRANSPORT_LABELS) as TransportChoice[];

const STATE_TEXT = { stopped: 'Stopped', connecting: 'Connecting', open: 'Live', reconnecting: 'Reconnecting' } as const;

/** Status badge, transport switch, and the stream's gap and conflation counts. */
export function ConnectionBar({ client, onChoose }: { client: StreamClient; onChoose(choice: TransportChoice): void }) {
  const status = useStore(client.status);
  const metrics = useStore(client.metrics);
  return (
    <section className="connection-bar" aria-label="Connection">
      <span className={`badge ${status.state}`} role="status" data-testid="connection-state" data-state={status.state}>
        {STATE_TEXT[status.state]}
        {status.transport && status.state !== 'stopped' && ` · ${TRANSPORT_LABELS[status.transport]}`}
        {status.state === 'reconnecting' && status.retryInMs != null && ` · attempt ${status.attempts}, retry in ${status.retryInMs} ms`}
      </span>
      <label>
        Transport{' '}
        <select aria-label="Transport" value={status.choice} onChange={(e) => onChoose(e.target.value as TransportChoice)}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {TRANSPORT_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <span className="counter" title="Ticks whose seq jumped without a conflation flag">
        gaps <strong data-testid="gaps">{metrics.gaps}</strong>
      </span>
      <span className="counter" title="Frames flagged conflated: the server dropped ticks because this page read too slowly">
        conflated <strong data-testid="conflated">{metrics.conflatedFrames}</strong>
      </span>
      <span className="counter" title="Poll/SSE answers that said ticks were missed">
        missed <strong data-testid="missed">{metrics.missed}</strong>
      </span>
      {status.hello && (
        <span className="muted" data-testid="epoch" data-epoch={status.hello.epoch}>
          epoch {status.hello.epoch}
          {status.transport?.startsWith('ws') && (status.resumed > 0 ? ` · resumed ${status.resumed} from last seq` : ' · fresh snapshot')}
        </span>
      )}
      {status.lastError && <span className="muted error-text">{status.lastError}</span>}
    </section>
  );
}
