import { expect, instruments, test, ticksOf, watch } from './fixtures';
import { TestServer } from './server';

test.describe('resilient connection', () => {
  test('while the server is down the page says so without moving; after a restart the chart marks the new epoch', async ({ page }) => {
    const server = await TestServer.start();
    try {
      const [first] = await instruments(server.url);
      await watch(page, [first.symbol], 'auto');
      await page.goto(server.url);
      const badge = page.getByTestId('connection-state');
      const banner = page.getByTestId('market-state');
      await expect(badge).toHaveAttribute('data-state', 'open');
      await expect(banner).toHaveAttribute('data-state', 'open');
      await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(0);
      const chart = page.getByTestId('price-chart');
      await expect.poll(async () => Number(await chart.getAttribute('data-candles'))).toBeGreaterThan(0);
      await expect(chart).toHaveAttribute('data-epoch-starts', '0');
      const epoch = await page.getByTestId('epoch').getAttribute('data-epoch');
      const header = await page.locator('.app-header').boundingBox();
      const layout = await page.locator('main.layout').boundingBox();

      await server.kill();
      await expect(badge).toHaveAttribute('data-state', 'reconnecting');
      await expect(banner).toHaveAttribute('data-state', 'offline');
      await expect(banner).toContainText('Server unreachable');
      await expect(badge).toContainText(/retry in \d+\.\d s/);
      // Auto waits out its backoff on no transport, and says so; the browser's own words stay out.
      await expect(badge).toHaveText(/^Reconnecting · Auto · attempt \d+, retry in/);
      await expect(page.getByTestId('epoch')).toHaveText('server unreachable');
      await expect(page.locator('body')).not.toContainText('Failed to fetch');
      expect(await page.locator('.app-header').boundingBox()).toEqual(header);
      expect(await page.locator('main.layout').boundingBox()).toEqual(layout);
      await server.restart();

      await expect(badge).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
      await expect(badge).toHaveText('Live · WebSocket (MessagePack)');
      await expect(banner).toHaveAttribute('data-state', 'open');
      await expect(page.getByTestId('epoch')).not.toHaveAttribute('data-epoch', epoch!);
      await expect(page.getByTestId('epoch')).toContainText('fresh snapshot');
      const ticks = await ticksOf(page, first.symbol);
      await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(ticks);
      await expect(chart).toHaveAttribute('data-epoch-starts', '1');
      await expect(chart).toHaveAttribute('aria-label', /server restarted once/);
      await expect(page.getByTestId('gaps')).toHaveText('0');
      expect(await page.locator('main.layout').boundingBox()).toEqual(layout);
    } finally {
      await server.kill();
    }
  });

  for (const transport of ['sse', 'long-poll']) {
    test(`${transport} resumes after a server restart from its old cursor, told it missed ticks`, async ({ page }) => {
      const server = await TestServer.start();
      try {
        const [first] = await instruments(server.url);
        await watch(page, [first.symbol], transport);
        await page.goto(server.url);
        const badge = page.getByTestId('connection-state');
        await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(0);

        await server.kill();
        await expect(badge).toHaveAttribute('data-state', 'reconnecting');
        await server.restart();

        // The cursor names the old epoch: the new server answers with Quotes and "missed".
        await expect(page.getByTestId('missed')).not.toHaveText('0', { timeout: 30_000 });
        await expect(badge).toHaveAttribute('data-state', 'open');
        const ticks = await ticksOf(page, first.symbol);
        await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(ticks);
        await expect(page.getByTestId('gaps')).toHaveText('0');
      } finally {
        await server.kill();
      }
    });
  }

  test('resumes from the last seqs after a dropped socket, with no gap', async ({ page, serverUrl }) => {
    const [first, second] = await instruments(serverUrl);
    let sockets = 0;
    let dropFirst: (() => Promise<void>) | null = null;
    await page.routeWebSocket(/\/ws$/, (ws) => {
      ws.connectToServer();
      if (++sockets === 1) dropFirst = () => ws.close({ code: 4000, reason: 'dropped by the test' });
    });
    await watch(page, [first.symbol, second.symbol], 'ws-msgpack');
    await page.goto('/');
    await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(0);
    const epoch = await page.getByTestId('epoch').getAttribute('data-epoch');

    await dropFirst!();
    await expect.poll(() => sockets).toBe(2);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('epoch')).toHaveAttribute('data-epoch', epoch!);
    await expect(page.getByTestId('epoch')).toContainText('resumed 2 from last seq');
    const ticks = await ticksOf(page, first.symbol);
    await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(ticks);
    await expect(page.getByTestId('gaps')).toHaveText('0');
  });
});
