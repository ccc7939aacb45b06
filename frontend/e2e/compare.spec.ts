import type { Locator } from '@playwright/test';
import { expect, instruments, test, watch } from './fixtures';

/** Points plotted per series, from the chart's `data-series="WebSocket:12 Long polling:11"`. */
async function pointsPerSeries(chart: Locator): Promise<Record<string, number>> {
  const text = (await chart.getAttribute('data-series')) ?? '';
  return Object.fromEntries([...text.matchAll(/([^:]+):(\d+)\s*/g)].map(([, label, count]) => [label.trim(), Number(count)]));
}

test('compare mode streams WebSocket and long polling side by side and plots both latency series', async ({ page, serverUrl }) => {
  const list = await instruments(serverUrl);
  await watch(page, list.slice(0, 6).map((i) => i.symbol), 'ws-msgpack');
  await page.goto('/');
  await page.getByLabel('Compare WebSocket vs long polling').check();

  const chart = page.getByTestId('latency-chart');
  await expect.poll(async () => Math.min(...Object.values(await pointsPerSeries(chart)))).toBeGreaterThanOrEqual(3);
  expect(Object.keys(await pointsPerSeries(chart))).toEqual(['WebSocket', 'Long polling']);

  const compare = page.getByTestId('compare');
  const p50 = compare.locator('td[data-metric="tick age p50"]');
  await expect(p50).toHaveCount(2);
  await expect(p50.nth(0)).toHaveText(/\d+(\.\d+)? ms/);
  await expect(p50.nth(1)).toHaveText(/\d+(\.\d+)? ms/);
  const requests = compare.locator('td[data-metric="HTTP requests"]');
  await expect(requests.nth(0)).toHaveText('1');
  await expect.poll(async () => Number(await requests.nth(1).textContent())).toBeGreaterThan(3);
  // A few more seconds of both series make a readable picture.
  await expect.poll(async () => Math.min(...Object.values(await pointsPerSeries(chart)))).toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: '../test-results/screenshots/compare-mode.png', fullPage: true });
});
