import { expect, instruments, row, test, watch } from './fixtures';
import { TestServer } from './server';

for (const transport of ['long-poll', 'sse'] as const) {
  test(`${transport}: a 400 "too many symbols" drops the excess once and caps the watchlist, no reconnect loop`, async ({ page }) => {
    const server = await TestServer.start({ extraArgs: ['--Streaming:MaxSymbols=3'] });
    try {
      const symbols = (await instruments(server.url)).slice(0, 5).map((i) => i.symbol);
      const refused: string[] = [];
      const asked: number[] = [];
      page.on('request', (request) => {
        const wanted = new URL(request.url()).searchParams.get('symbols');
        if (wanted !== null) asked.push(wanted.split(',').length);
      });
      page.on('response', (response) => {
        if (response.status() === 400) refused.push(response.url());
      });
      await watch(page, symbols, transport);
      await page.goto(server.url);
      await expect(page.getByRole('alert')).toContainText(`${symbols[3]} rejected`);
      await expect(page.getByRole('alert')).toContainText(/symbol limit|at most 3/);
      await expect(page.locator('tr[data-symbol]')).toHaveCount(3);
      await expect(page.getByTestId('watch-count')).toHaveText('3 / 3');
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
      await expect.poll(async () => Number(await row(page, symbols[2]).getByTestId('ticks').getAttribute('data-count'))).toBeGreaterThan(0);
      // Streaming on: a few seconds of ticks later, the server was refused once, not again and again.
      await expect.poll(async () => Number(await row(page, symbols[0]).getByTestId('ticks').getAttribute('data-count'))).toBeGreaterThan(8);
      expect(refused).toHaveLength(1);
      // The excess left the watchlist in one change: no request in between asked for four.
      expect(asked[0]).toBe(5);
      expect(asked.slice(1).every((n) => n <= 3)).toBe(true);
      expect(await page.getByTestId('connection-state').getAttribute('data-state')).toBe('open');

      await page.getByLabel('Add symbol').fill(symbols[4]);
      await page.getByLabel('Add symbol').press('Enter');
      await expect(page.locator('.symbol-picker .notice')).toContainText('at most 3 symbols');
      await expect(page.locator('tr[data-symbol]')).toHaveCount(3);
    } finally {
      await server.kill();
    }
  });
}
