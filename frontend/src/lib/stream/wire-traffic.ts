/**
 * A page cannot see compressed sizes (WebSocket message events carry the decompressed payload), so the server
 * counts each socket's bytes on the wire and answers them to the socket's own address at
 * `GET /api/ws-traffic/{connectionId}`; the page divides by the ticks it decoded.
 */
export interface WireTraffic {
  connectionId: string;
  compressed: boolean;
  extensions: string;
  bytesToClient: number;
  bytesFromClient: number;
}

/** The page's origin for the API, from the socket's URL (ws: → http:, wss: → https:). */
export function apiBaseOf(webSocketUrl: string): string {
  const url = new URL(webSocketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return url.origin;
}

export async function fetchWireTraffic(apiBase: string, connectionId: string, signal: AbortSignal): Promise<WireTraffic | null> {
  const response = await fetch(`${apiBase}/api/ws-traffic/${encodeURIComponent(connectionId)}`, { signal });
  return response.ok ? ((await response.json()) as WireTraffic) : null;
}

/** Wire bytes (both directions) per tick decoded, between the first sample of a connection and its latest. */
export class WireTrafficMeter {
  private first: { bytes: number; ticks: number } | null = null;
  private latest: { bytes: number; ticks: number } | null = null;

  add(traffic: WireTraffic, ticksDecoded: number): void {
    const sample = { bytes: traffic.bytesToClient + traffic.bytesFromClient, ticks: ticksDecoded };
    this.first ??= sample;
    this.latest = sample;
  }

  get bytesPerTick(): number | null {
    if (!this.first || !this.latest) return null;
    const ticks = this.latest.ticks - this.first.ticks;
    return ticks > 0 ? (this.latest.bytes - this.first.bytes) / ticks : null;
  }
}
