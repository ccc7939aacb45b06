import { expect, instruments, ticksOf, test, watch } from './fixtures';

/** Numbers like "15.8 B" or "1.2 KiB" as the panels format them. */
const bytesOf = (text: string | null) => {
  const match = /([\d.]+) (B|KiB)/.exec(text ?? '');
  return match ? Number(match[1]) * (match[2] === 'KiB' ? 1024 : 1) : NaN;
};

test.describe('permessage-deflate', () => {
  for (const transport of ['ws-msgpack', 'ws-json'] as const) {
    test(`Chromium negotiates it over ${transport} and the page decodes the compressed ticks`, async ({ page, serverUrl }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      const answered = new Promise<string>((resolve) =>
        cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
          const headers = event.response.headers as Record<string, string>;
          const name = Object.keys(headers).find((h) => h.toLowerCase() === 'sec-websocket-extensions');
          resolve(name ? headers[name] : '');
        }),
      );
      const [first, second] = await instruments(serverUrl);
      await watch(page, [first.symbol, second.symbol], transport);
      await page.goto('/');

      // The browser offered it on its own and the server accepted it: the handshake's answer and WebSocket.extensions say so.
      expect(await answered).toMatch(/^permessage-deflate/);
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
      await expect(page.getByTestId('wire-traffic')).toHaveAttribute('data-compressed', 'true');
      await expect(page.getByTestId('wire-traffic')).toContainText('Compressed (permessage-deflate)');
      await expect(page.getByTestId('inspector-compressed')).toHaveText('yes');

      // Ticks keep arriving, decoded, without gaps.
      const before = await ticksOf(page, second.symbol);
      await expect.poll(() => ticksOf(page, second.symbol)).toBeGreaterThan(before);
      await expect(page.getByTestId('gaps')).toHaveText('0');

      // The server-counted wire bytes per tick come out fewer than the payload bytes the page decoded per tick. The
      // figure spans the samples so far (every 2 s, pings and pongs included), so it settles as the window grows.
      const wire = page.getByTestId('wire-bytes-per-tick');
      const payload = page.locator('td[data-metric="bytes per tick"]').first();
      await expect
        .poll(async () => bytesOf(await wire.textContent()) / bytesOf(await payload.textContent()), { timeout: 30_000 })
        .toBeLessThan(0.9);
    });
  }
});
