import { expect, instruments, row, test, ticksOf, watch } from './fixtures';
import { TestServer } from './server';

test.describe('main view', () => {
  test('loads with a live watchlist whose prices change', async ({ page, serverUrl }) => {
    const [first, second] = await instruments(serverUrl);
    await watch(page, [first.symbol, second.symbol]);
    await page.goto('/');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
    await expect(row(page, first.symbol)).toContainText(first.name);
    await expect(page.getByTestId('market-state')).toHaveAttribute('data-state', 'open');

    const price = row(page, first.symbol).getByTestId('price');
    await expect(price).toHaveText(/\d+\.\d{2}/);
    const initial = await price.textContent();
    await expect.poll(() => price.textContent()).not.toBe(initial);
    await expect.poll(() => ticksOf(page, second.symbol)).toBeGreaterThan(0);
    await expect(row(page, first.symbol).getByTestId('price')).toHaveText(/[▲▼]/);
  });

  test('a first visit watches the first symbols of the list', async ({ page, serverUrl }) => {
    const list = await instruments(serverUrl);
    await page.goto('/');
    await expect(page.locator('tr[data-symbol]')).toHaveCount(6);
    await expect(row(page, list[0].symbol)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => ticksOf(page, list[5].symbol)).toBeGreaterThan(0);
  });

  test('draws a new candle as ticks cross into the next second', async ({ page, serverUrl }) => {
    const [first] = await instruments(serverUrl);
    await watch(page, [first.symbol]);
    await page.goto('/');
    const chart = page.getByTestId('price-chart');
    await expect.poll(async () => Number(await chart.getAttribute('data-candles'))).toBeGreaterThan(0);
    const candles = Number(await chart.getAttribute('data-candles'));
    await expect.poll(async () => Number(await chart.getAttribute('data-candles'))).toBeGreaterThan(candles);
    await expect(chart.locator('canvas').first()).toBeVisible();
  });

  test('switches to 5 s candles and to the line view', async ({ page, serverUrl }) => {
    const [first] = await instruments(serverUrl);
    await watch(page, [first.symbol]);
    await page.goto('/');
    const chart = page.getByTestId('price-chart');
    const candles = async () => Number(await chart.getAttribute('data-candles'));
    await expect.poll(candles).toBeGreaterThan(2);
    await page.getByRole('button', { name: '5s' }).click();
    await expect(page.getByRole('button', { name: '5s' })).toHaveAttribute('aria-pressed', 'true');
    // The next bar starts 5 s after the current one, both on 5-second boundaries.
    const lastCandle = async () => Number((await chart.getAttribute('data-last-candle')) || NaN);
    await expect.poll(async () => (await lastCandle()) % 5).toBe(0);
    const current = await lastCandle();
    await expect.poll(lastCandle, { timeout: 15_000 }).toBeGreaterThan(current);
    expect((await lastCandle()) - current).toBe(5);
    await page.getByRole('button', { name: 'Line' }).click();
    await expect(page.getByRole('button', { name: 'Line' })).toHaveAttribute('aria-pressed', 'true');
    await expect(chart.locator('canvas').first()).toBeVisible();
  });

  test('adds a symbol from the search list and keeps the watchlist across a reload', async ({ page, serverUrl }) => {
    const list = await instruments(serverUrl);
    const [first, , third] = list;
    await watch(page, [first.symbol]);
    await page.goto('/');
    await page.getByLabel('Add symbol').fill(third.name.slice(0, 6));
    await page.getByRole('option', { name: new RegExp(third.symbol) }).click();
    await expect(row(page, third.symbol)).toBeVisible();
    await expect.poll(() => ticksOf(page, third.symbol)).toBeGreaterThan(0);

    await row(page, first.symbol).getByRole('button', { name: `Remove ${first.symbol}` }).click();
    await expect(row(page, first.symbol)).toHaveCount(0);
    await page.reload();
    await expect(row(page, third.symbol)).toBeVisible();
    await expect(row(page, first.symbol)).toHaveCount(0);
  });

  test('shows an unknown symbol rejected by the server', async ({ page, serverUrl }) => {
    const [first] = await instruments(serverUrl);
    await watch(page, [first.symbol]);
    await page.goto('/');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
    await page.getByLabel('Add symbol').fill('ZZZZ9');
    await page.getByLabel('Add symbol').press('Enter');
    await expect(page.getByRole('alert')).toContainText('ZZZZ9 rejected');
    await expect(row(page, 'ZZZZ9')).toHaveCount(0);
    await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(0);
  });
});

test('shows a closed market with its last prices and no ticks', async ({ page }) => {
  const server = await TestServer.start({ extraArgs: ['--Market:InitialState=Closed'] });
  try {
    const [first] = await instruments(server.url);
    await watch(page, [first.symbol]);
    await page.goto(server.url);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('market-state')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('market-state')).toContainText('Market closed');
    await expect(row(page, first.symbol).getByTestId('price')).toHaveText(/\d+\.\d{2}/);
    expect(await ticksOf(page, first.symbol)).toBe(0);
  } finally {
    await server.kill();
  }
});
