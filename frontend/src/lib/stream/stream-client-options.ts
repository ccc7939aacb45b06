import type { ClockOffset, Clock } from './clock-offset';
import type { MarketSink } from './market-sink';
import type { Rejection } from './protocol';
import type { ReconnectPolicy } from './reconnect-policy';
import type { TransportChoice, TransportFactory } from './transport';

export interface StreamClientOptions {
  /** Origin of the server, e.g. http://localhost:5000. */
  baseUrl: string;
  choice: TransportChoice;
  symbols?: readonly string[];
  /** Where ticks go; without one the client only measures (compare mode). */
  sink?: MarketSink;
  /** Shared by the page's clients, so HTTP transports use the offset a WebSocket measured. */
  clock?: ClockOffset;
  now?: Clock;
  policy?: ReconnectPolicy;
  /** Tests pass fakes; the default opens real connections. */
  transports?: TransportFactory;
  /** Default 2000. */
  pingIntervalMs?: number;
  onRejected?: (rejections: Rejection[]) => void;
}
