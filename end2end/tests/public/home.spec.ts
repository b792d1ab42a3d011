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

test('a WebAssembly download that fails is tried again, and the page still comes alive', async ({ browser }) => {
  // No service worker, so that the page's own requests are the ones cut.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let downloads = 0;
  await page.route('**/pkg/duo.wasm', (route) => {
    downloads += 1;
    return downloads === 1 ? route.abort('connectionreset') : route.continue();
  });
  await page.goto('/');
  await waitForHydration(page);
  expect(downloads).toBe(2);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring die deuren opent naar werk');
  await context.close();
});
