import { useStore } from '../../lib/store/use-store';
import type { StreamClient } from '../../lib/stream/stream-client';
import { TRANSPORT_LABELS, type TransportChoice } from '../../lib/stream/transport';
import { describeStatus } from './describe-status';

const CHOICES = Object.keys(TRANSPORT_LABELS) as TransportChoice[];

/**
 * Status badge, transport switch, and the stream's gap and conflation counts. Every part keeps its
 * size whatever the state, so the header neither wraps nor moves the page when the server goes away.
 */
export function ConnectionBar({ client, onChoose }: { client: StreamClient; onChoose(choice: TransportChoice): void }) {
  const status = useStore(client.status);
  const metrics = useStore(client.metrics);
  const text = describeStatus(status);
  const epoch = status.hello?.epoch;
  const note = status.state === 'open' || !status.lastError ? epochNote(status.transport, epoch, status.resumed) : status.lastError;
  return (
    <section className="connection-bar" aria-label="Connection">
      <span className={`badge ${status.state}`} role="status" title={text} data-testid="connection-state" data-state={status.state}>
        {text}
      </span>
      <label className="transport">
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
      <span className={`muted note${note === status.lastError ? ' error-text' : ''}`} title={note} data-testid="epoch" data-epoch={epoch ?? ''}>
        {note}
      </span>
    </section>
  );
}

function epochNote(transport: string | null, epoch: string | undefined, resumed: number): string {
  if (!epoch) return transport === 'signalr' ? 'SignalR: no epoch or resume' : '';
  const resume = transport?.startsWith('ws') ? (resumed > 0 ? ` · resumed ${resumed} from last seq` : ' · fresh snapshot') : '';
  return `epoch ${epoch}${resume}`;
}
