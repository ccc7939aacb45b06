import { useEffect, useState } from 'react';
import { useStore } from '../store/use-store';
import type { StreamClient } from './stream-client';
import { apiBaseOf, fetchWireTraffic, WireTrafficMeter } from './wire-traffic';

export interface WireTrafficView {
  /** Whether the socket negotiated permessage-deflate (from WebSocket.extensions). */
  compressed: boolean;
  extensions: string;
  /** Server-counted wire bytes, both directions, per tick decoded; null until two samples are apart by a tick. */
  wireBytesPerTick: number | null;
}

const SAMPLE_MS = 2000;

/** The open WebSocket's compression and wire bytes per tick; null for other transports or while not open. */
export function useWireTraffic(client: StreamClient): WireTrafficView | null {
  const { state, transport, handshake, hello } = useStore(client.status);
  const connectionId = hello?.connectionId;
  const url = handshake?.url;
  const active = state === 'open' && !!transport?.startsWith('ws') && !!connectionId && !!url;
  // Samples belong to one socket: a figure from an earlier connection is never shown for this one.
  const socketKey = active ? `${connectionId} ${url}` : null;
  const [latest, setLatest] = useState<{ socketKey: string; bytesPerTick: number | null } | null>(null);

  useEffect(() => {
    if (!socketKey || !url || !connectionId) return;
    const meter = new WireTrafficMeter();
    const abort = new AbortController();
    const sample = () =>
      fetchWireTraffic(apiBaseOf(url), connectionId, abort.signal)
        .then((traffic) => {
          if (!traffic) return;
          meter.add(traffic, client.metrics.getSnapshot().ticks);
          setLatest({ socketKey, bytesPerTick: meter.bytesPerTick });
        })
        .catch(() => {}); // aborted, or the socket is gone: the next status change restarts sampling
    void sample();
    const timer = setInterval(sample, SAMPLE_MS);
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [socketKey, client, connectionId, url]);

  if (!active || !handshake) return null;
  const extensions = handshake.extensions;
  const wireBytesPerTick = latest?.socketKey === socketKey ? latest.bytesPerTick : null;
  return { compressed: extensions.includes('permessage-deflate'), extensions, wireBytesPerTick };
}
