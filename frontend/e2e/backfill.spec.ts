import { expect, instruments, test, ticksOf, watch } from './fixtures';

interface Bar {
  time: number;
}

test('ticks that arrive while /api/candles is on its way are added to the back-filled bars, not dropped', async ({ page, serverUrl }) => {
  const [first] = await instruments(serverUrl);
  let frozen = false;
  // After the hold, the socket passes nothing more: the chart can show only the back-fill and what came during it.
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!frozen) ws.send(message);
    });
    ws.onMessage((message) => server.send(message));
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let served: Bar[] | null = null;
  let requested = '';
  await page.route('**/api/candles/**', async (route) => {
    requested = route.request().url();
    const response = await route.fetch(); // built by the server now, answered to the page later
    served = (await response.json()) as Bar[];
    await held;
    await route.fulfill({ response });
  });
  await watch(page, [first.symbol], 'ws-msgpack');
  await page.goto('/');
  await expect.poll(() => served).not.toBeNull();
  const before = await ticksOf(page, first.symbol);
  // Ticks of three seconds or more reach the page while the answer is held.
  await expect.poll(() => ticksOf(page, first.symbol), { timeout: 20_000 }).toBeGreaterThan(before + 12);
  frozen = true;
  release();

  const chart = page.getByTestId('price-chart');
  const bars = served! as Bar[];
  await expect.poll(async () => Number(await chart.getAttribute('data-candles'))).toBeGreaterThanOrEqual(bars.length + 2);
  expect(Number(await chart.getAttribute('data-last-candle'))).toBeGreaterThanOrEqual(bars.at(-1)!.time + 2);
  // The back-fill asks for all the server serves, not a few bars.
  expect(new URL(requested).searchParams.get('count')).toBe('1000');
});
