import type { Page } from '@playwright/test';
import { expect, instruments, row, test, ticksOf, watch } from './fixtures';

/** Elements whose content is wider than their box (cut off or scrolling sideways), as selectors. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'none')
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${e.scrollWidth} > ${e.clientWidth}): ${e.textContent?.slice(0, 40)}`),
  );
}

async function expectInsideViewport(page: Page, selector: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(selector).evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length, selector).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left, selector).toBeGreaterThanOrEqual(0);
    expect(box.right, selector).toBeLessThanOrEqual(width);
    expect(box.width, selector).toBeGreaterThan(0);
  }
}

test.describe('390 px wide (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows every column of the watchlist, the histogram and the header with nothing cut off', async ({ page, serverUrl }) => {
    const list = await instruments(serverUrl);
    const symbols = list.slice(0, 8).map((i) => i.symbol);
    await watch(page, symbols);
    await page.goto('/');
    await expect(page.locator('.sparkline polyline')).toHaveCount(8, { timeout: 30_000 });
    await expect.poll(() => ticksOf(page, symbols[7])).toBeGreaterThan(0);
    await expect(page.locator('td[data-metric="tick age p50"]')).toHaveText(/ms/);

    const root = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(root.scroll).toBeLessThanOrEqual(root.client);
    expect(await overflowing(page, '.panel, .watchlist table, .watchlist td, .watchlist th, .histogram .bucket span, .metrics td, .metrics th, .app-header')).toEqual([]);
    await expectInsideViewport(page, '.watchlist tbody .sparkline');
    await expectInsideViewport(page, '.watchlist tbody [data-testid="ticks"]');
    await expectInsideViewport(page, '.watchlist tbody button.icon');
    await expectInsideViewport(page, '.watchlist tbody [data-testid="price"]');
    await expectInsideViewport(page, '.histogram .bucket');
    await expectInsideViewport(page, '.connection-bar select, .connection-bar [data-testid="gaps"]');
    await expect(row(page, symbols[0]).getByRole('button', { name: `Remove ${symbols[0]}` })).toBeVisible();
    await page.screenshot({ path: '../test-results/screenshots/main-view-390.png', fullPage: true });
  });
});

test('saves a screenshot of the main view at 1440 x 900', async ({ page, serverUrl }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const list = await instruments(serverUrl);
  await watch(page, list.slice(0, 8).map((i) => i.symbol));
  await page.goto('/');
  await expect(page.locator('.sparkline polyline')).toHaveCount(8, { timeout: 30_000 });
  await expect(page.locator('.sparkline polyline').last()).toHaveAttribute('points', /^(\S+ ){5}/, { timeout: 30_000 });
  await expect(page.locator('td[data-metric="tick age p50"]')).toHaveText(/ms/);
  const root = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(root.scroll).toBeLessThanOrEqual(root.client);
  expect(await overflowing(page, '.panel, .watchlist td, .histogram .bucket span, .metrics td')).toEqual([]);
  await page.screenshot({ path: '../test-results/screenshots/main-view.png' });
});
