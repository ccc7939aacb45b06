import type { Page } from '@playwright/test';
import { expect, instruments, test, watch } from './fixtures';

const figure = (page: Page, metric: string) => page.locator(`.latency td[data-metric="${metric}"]`);
const count = async (page: Page, metric: string) => Number(((await figure(page, metric).textContent()) ?? '').replace(/,/g, ''));

test('the latency panel shows the figures of the transport in use, kept apart per transport across switches', async ({ page, serverUrl }) => {
  const [first, second] = await instruments(serverUrl);
  await watch(page, [first.symbol, second.symbol], 'ws-msgpack');
  await page.goto('/');
  const panel = page.getByTestId('figures-of');
  await expect(panel).toHaveAttribute('data-transport', 'ws-msgpack');
  await expect(page.locator('.latency .metrics thead')).toContainText('WebSocket (MessagePack)');
  await expect.poll(() => count(page, 'ticks received')).toBeGreaterThan(20);
  await expect(figure(page, 'HTTP requests')).toHaveText('1');
  const wsTicks = await count(page, 'ticks received');

  await page.getByLabel('Transport', { exact: true }).selectOption('long-poll');
  await expect(page.getByTestId('connection-state')).toContainText('Long polling');
  await expect(panel).toHaveAttribute('data-transport', 'long-poll');
  await expect(page.locator('.latency .metrics thead')).toContainText('Long polling');
  // Long polling's own count starts from nothing; its requests are polls, one after another.
  expect(await count(page, 'ticks received')).toBeLessThan(wsTicks);
  await expect.poll(() => count(page, 'HTTP requests')).toBeGreaterThan(2);
  await expect.poll(() => count(page, 'ticks received')).toBeGreaterThan(0);

  await page.getByLabel('Transport', { exact: true }).selectOption('sse');
  await expect(panel).toHaveAttribute('data-transport', 'sse');
  await expect(page.locator('.latency .metrics thead')).toContainText('Server-Sent Events');
  await expect.poll(() => count(page, 'ticks received')).toBeGreaterThan(0);
  await expect(figure(page, 'HTTP requests')).toHaveText('1');
  await expect(figure(page, 'clock offset')).toContainText(/ms|not measured/);

  await page.getByLabel('Transport', { exact: true }).selectOption('ws-msgpack');
  await expect(panel).toHaveAttribute('data-transport', 'ws-msgpack');
  // WebSocket's figures were kept: its earlier ticks are still counted, and a second socket now.
  expect(await count(page, 'ticks received')).toBeGreaterThanOrEqual(wsTicks);
  await expect(figure(page, 'HTTP requests')).toHaveText('2');
});
