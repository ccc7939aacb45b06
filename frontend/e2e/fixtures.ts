import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** Each test gets a fresh page on the suite's server; `watch` seeds the stored watchlist first. */
export const test = base.extend<{ serverUrl: string }>({
  serverUrl: async ({}, use) => use(process.env.STOCKSTREAM_URL!),
  baseURL: async ({ serverUrl }, use) => use(serverUrl),
});

export async function watch(page: Page, symbols: string[], transport = 'auto'): Promise<void> {
  await page.addInitScript(
    ([list, choice]) => {
      if (sessionStorage.getItem('seeded')) return; // keep what the page stored across reloads
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('stockstream.watchlist.v1', JSON.stringify({ symbols: list, selected: list[0] }));
      localStorage.setItem('stockstream.transport.v1', choice);
    },
    [symbols, transport] as const,
  );
}

export async function instruments(serverUrl: string): Promise<{ symbol: string; name: string }[]> {
  const response = await fetch(`${serverUrl}/api/symbols`);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as { symbol: string; name: string }[];
}

/** The watchlist row of a symbol. */
export const row = (page: Page, symbol: string) => page.locator(`tr[data-symbol="${symbol}"]`);

export async function ticksOf(page: Page, symbol: string): Promise<number> {
  return Number(await row(page, symbol).getByTestId('ticks').getAttribute('data-count'));
}
