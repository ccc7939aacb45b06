import { describe, expect, it } from 'vitest';
import { closeReason } from './close-reason';

describe('closeReason', () => {
  it('words the browsers\' refused fetches and a socket closed without a frame for a user', () => {
    expect(closeReason('Failed to fetch')).toBe('server unreachable');
    expect(closeReason('NetworkError when attempting to fetch resource.')).toBe('server unreachable');
    expect(closeReason('closed 1006')).toBe('connection lost (no close frame)');
    expect(closeReason('poll answered HTTP 503')).toBe('poll answered HTTP 503');
  });
});
