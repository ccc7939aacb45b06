import { expect, instruments, row, test, watch } from './fixtures';

test('symbol search is a keyboard combobox: arrows mark an option, Enter adds it; rows answer Enter and Space', async ({ page, serverUrl }) => {
  const list = await instruments(serverUrl);
  const [first] = list;
  await watch(page, [first.symbol]);
  await page.goto('/');
  const input = page.getByRole('combobox', { name: 'Add symbol' });
  await input.fill('e'); // matches many names
  const options = page.getByRole('listbox', { name: 'Matching symbols' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(0);

  await input.press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await input.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  const chosen = (await options.nth(1).locator('strong').textContent())!;
  await input.press('Enter');
  await expect(row(page, chosen)).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(input).toHaveAttribute('aria-expanded', 'false');

  // Rows are selected with Enter or Space once focused.
  await row(page, chosen).focus();
  await page.keyboard.press(' ');
  await expect(row(page, chosen)).toHaveAttribute('aria-selected', 'true');
  await row(page, first.symbol).focus();
  await page.keyboard.press('Enter');
  await expect(row(page, first.symbol)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: first.symbol })).toBeVisible();
});
