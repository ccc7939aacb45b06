import { describe, expect, it } from 'vitest';
import { apiBaseOf, WireTrafficMeter, type WireTraffic } from './wire-traffic';

const traffic = (bytesToClient: number, bytesFromClient: number): WireTraffic => ({
  connectionId: 'c',
  compressed: true,
  extensions: 'permessage-deflate',
  bytesToClient,
  bytesFromClient,
});

describe('wire traffic', () => {
  it('divides the wire bytes of both directions between two samples by the ticks decoded between them', () => {
    const meter = new WireTrafficMeter();
    meter.add(traffic(1_000, 100), 50);
    expect(meter.bytesPerTick).toBeNull();
    meter.add(traffic(3_000, 300), 250);
    expect(meter.bytesPerTick).toBe(11);
  });

  it('has no figure while no tick arrived between samples', () => {
    const meter = new WireTrafficMeter();
    meter.add(traffic(1_000, 100), 50);
    meter.add(traffic(1_040, 100), 50);
    expect(meter.bytesPerTick).toBeNull();
  });

  it('asks the API on the socket’s own origin', () => {
    expect(apiBaseOf('ws://localhost:5000/ws')).toBe('http://localhost:5000');
    expect(apiBaseOf('wss://stream.example/ws?symbols=A')).toBe('https://stream.example');
  });
});
