import { expectAccessible, expect, test, waitForHydration } from '../support';

test('the home page explains the programme and switches language', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring that opens doors to work');
  await expectAccessible(page);
  await waitForHydration(page);

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring die deuren opent naar werk');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  await expectAccessible(page);

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring die deuren opent naar werk');
  // The switch is the WebAssembly's once it runs; a click before that is lost.
  await waitForHydration(page);

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Un mentorat qui ouvre les portes de l’emploi");
});

test('the language switcher works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Un mentorat qui ouvre les portes de l’emploi");
  await context.close();
});

test('an unknown address answers 404 with a way home', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expectAccessible(page);
});
