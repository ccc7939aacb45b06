import type { Hello } from './protocol';
import type { HandshakeInfo, TransportChoice, TransportKind } from './transport';

export type ConnectionState = 'stopped' | 'connecting' | 'open' | 'reconnecting';

export interface ConnectionStatus {
  state: ConnectionState;
  choice: TransportChoice;
  transport: TransportKind | null;
  handshake: HandshakeInfo | null;
  hello: Hello | null;
  retryInMs: number | null;
  /** Between attempts, waiting out a backoff: no transport is being tried. */
  waiting: boolean;
  attempts: number;
  /** How many symbols the latest connection resumed from their last seq (0: fresh Snapshots). */
  resumed: number;
  lastError: string | null;
  /** The most symbols the server lets one connection hold, once it said (Hello, or a 400). */
  maxSymbols: number | null;
}

export function initialStatus(choice: TransportChoice): ConnectionStatus {
  return { state: 'stopped', choice, transport: null, handshake: null, hello: null, retryInMs: null, waiting: false, attempts: 0, resumed: 0, lastError: null, maxSymbols: null };
}
