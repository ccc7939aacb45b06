import type { Page } from '@playwright/test';
import { expect, instruments, row, test, ticksOf, watch } from './fixtures';

const TRANSPORTS = [
  { value: 'ws-msgpack', label: 'WebSocket (MessagePack)', protocol: 'stockstream.v1', url: /^ws:\/\/.*\/ws$/ },
  { value: 'ws-json', label: 'WebSocket (JSON)', protocol: 'stockstream.v1.json', url: /^ws:\/\/.*\/ws$/ },
  { value: 'sse', label: 'Server-Sent Events', protocol: 'text/event-stream', url: /\/api\/sse\?symbols=/ },
  { value: 'long-poll', label: 'Long polling', protocol: 'application/x-msgpack', url: /\/api\/poll$/ },
  { value: 'signalr', label: 'SignalR (MessagePack)', protocol: 'SignalR messagepack', url: /\/hub$/ },
] as const;

async function expectLiveOver(page: Page, label: string, symbol: string): Promise<void> {
  const badge = page.getByTestId('connection-state');
  await expect(badge).toHaveAttribute('data-state', 'open');
  await expect(badge).toContainText(label);
  const before = await ticksOf(page, symbol);
  await expect.poll(() => ticksOf(page, symbol)).toBeGreaterThan(before);
}

test.describe('transports', () => {
  for (const transport of TRANSPORTS) {
    test(`${transport.label} delivers ticks`, async ({ page, serverUrl }) => {
      const [first, second] = await instruments(serverUrl);
      await watch(page, [first.symbol, second.symbol], transport.value);
      await page.goto('/');
      await expectLiveOver(page, transport.label, second.symbol);
      await expect(page.getByTestId('handshake-protocol')).toContainText(transport.protocol);
      await expect(page.getByTestId('handshake-url')).toHaveText(transport.url);
      await expect(page.getByTestId('gaps')).toHaveText('0');
    });
  }

  test('switching transports keeps the watchlist and the data flowing', async ({ page, serverUrl }) => {
    const [first, second] = await instruments(serverUrl);
    await watch(page, [first.symbol, second.symbol], 'ws-msgpack');
    await page.goto('/');
    await expectLiveOver(page, TRANSPORTS[0].label, first.symbol);
    for (const transport of TRANSPORTS.slice(1)) {
      await page.getByLabel('Transport', { exact: true }).selectOption(transport.value);
      await expectLiveOver(page, transport.label, first.symbol);
      await expect(row(page, second.symbol)).toBeVisible();
    }
    await page.getByLabel('Transport', { exact: true }).selectOption('auto');
    await expectLiveOver(page, TRANSPORTS[0].label, first.symbol);
    await expect(page.getByTestId('gaps')).toHaveText('0');
  });

  test('Auto falls back to Server-Sent Events when WebSockets cannot connect', async ({ page, serverUrl }) => {
    const [first] = await instruments(serverUrl);
    await page.routeWebSocket(/\/ws$/, (ws) => ws.close({ code: 1011, reason: 'blocked by the test' }));
    await watch(page, [first.symbol], 'auto');
    await page.goto('/');
    await expectLiveOver(page, 'Server-Sent Events', first.symbol);
  });
});
