import type { Locator } from '@playwright/test';
import { expect, instruments, test, watch } from './fixtures';

/** Points plotted per series, from the chart's `data-series="WebSocket:12 Long polling:11"`. */
async function pointsPerSeries(chart: Locator): Promise<Record<string, number>> {
  const text = (await chart.getAttribute('data-series')) ?? '';
  return Object.fromEntries([...text.matchAll(/([^:]+):(\d+)\s*/g)].map(([, label, count]) => [label.trim(), Number(count)]));
}

test('compare mode runs WebSocket, SSE, long polling and SignalR on the same symbols and plots them on one chart', async ({ page, serverUrl }) => {
  const list = await instruments(serverUrl);
  await watch(page, list.slice(0, 6).map((i) => i.symbol), 'ws-msgpack');
  await page.goto('/');
  await page.getByLabel('Compare transports').check();
  await expect(page.getByLabel('WebSocket', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Long polling', { exact: true })).toBeChecked();
  await page.getByLabel('SSE', { exact: true }).check();
  await page.getByLabel('SignalR', { exact: true }).check();

  const chart = page.getByTestId('latency-chart');
  await expect.poll(async () => Object.keys(await pointsPerSeries(chart))).toEqual(['WebSocket', 'SSE', 'Long polling', 'SignalR']);
  await expect.poll(async () => Math.min(...Object.values(await pointsPerSeries(chart)))).toBeGreaterThanOrEqual(3);

  const compare = page.getByTestId('compare');
  const p50 = compare.locator('td[data-metric="tick age p50"]');
  await expect(p50).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(p50.nth(i)).toHaveText(/\d+(\.\d+)? ms/);
  const ticks = compare.locator('td[data-metric="ticks received"]');
  for (let i = 0; i < 4; i++) await expect.poll(async () => Number((await ticks.nth(i).textContent())!.replace(/,/g, ''))).toBeGreaterThan(5);
  const requests = compare.locator('td[data-metric="HTTP requests"]');
  await expect(requests.nth(0)).toHaveText('1');
  await expect(requests.nth(1)).toHaveText('1');
  await expect.poll(async () => Number(await requests.nth(2).textContent())).toBeGreaterThan(3);
  await expect(requests.nth(3)).toHaveText('1');
  await page.screenshot({ path: '../test-results/screenshots/compare-mode.png', fullPage: true });

  // Down to one: nothing to compare, and no client left running.
  await page.getByLabel('SSE', { exact: true }).uncheck();
  await page.getByLabel('SignalR', { exact: true }).uncheck();
  await page.getByLabel('Long polling', { exact: true }).uncheck();
  await expect(page.getByText('Pick two or more transports to compare.')).toBeVisible();
  await expect(compare).toHaveCount(0);
});
