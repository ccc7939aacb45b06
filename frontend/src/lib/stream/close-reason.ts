/**
 * A reason a connection ended, in words a user can act on: browsers word a refused connection
 * differently ("Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed")
 * and a WebSocket that never got through closes with 1006.
 */
export function closeReason(raw: string): string {
  if (/failed to fetch|networkerror|load failed|fetch failed|network error/i.test(raw)) return 'server unreachable';
  if (/^closed 1006\b/.test(raw)) return 'connection lost (no close frame)';
  if (/^closed 1001\b/.test(raw)) return 'server going away (1001)';
  if (/signal timed out|timeout/i.test(raw)) return 'server did not answer in time';
  return raw;
}
