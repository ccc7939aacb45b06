import type { ConnectionStatus } from '../../lib/stream/connection-status';
import { TRANSPORT_LABELS } from '../../lib/stream/transport';

const STATE_TEXT = { stopped: 'Stopped', connecting: 'Connecting', open: 'Live', reconnecting: 'Reconnecting' } as const;

/**
 * The badge's words. Auto names the transport it is on once open, the one it is trying while it
 * tries, and none while it waits out a backoff: it never claims a transport it is not on.
 */
export function describeStatus(status: ConnectionStatus): string {
  const { state, choice, transport, waiting, retryInMs, attempts } = status;
  if (state === 'stopped') return STATE_TEXT.stopped;
  const on = transport ? TRANSPORT_LABELS[transport] : null;
  let what: string;
  if (state === 'open' || choice !== 'auto') what = on ?? TRANSPORT_LABELS[choice];
  else what = waiting || !on ? 'Auto' : `Auto, trying ${on}`;
  const retry = state === 'reconnecting' && waiting && retryInMs != null ? ` · attempt ${attempts}, retry in ${(retryInMs / 1000).toFixed(1)} s` : '';
  return `${STATE_TEXT[state]} · ${what}${retry}`;
}
