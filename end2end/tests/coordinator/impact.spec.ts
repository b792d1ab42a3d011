import { readFileSync } from 'node:fs';
import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('a manager reads the figures with their definitions, the charts and their data, and downloads a table', async ({ page }) => {
  const manager = createUser({ role: 'manager' });
  await signIn(page, manager);
  await page.getByRole('link', { name: 'Impact' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Impact' })).toBeVisible();
  await expect(page.getByText(/^All time, up to \d\d\/\d\d\/\d{4}$/)).toBeVisible();

  // Each figure with its counts, the programme's own figure and its definition beside it.
  const positive = page.locator('.kpi').filter({ has: page.getByRole('heading', { name: 'Positive outcomes' }) });
  await expect(positive.getByText(/^\d+ %$/)).toBeVisible();
  await expect(positive.getByText(/^\d+ of \d+$/)).toBeVisible();
  await expect(positive.getByText('Programme reference: 71 %')).toBeVisible();
  await expect(positive.getByText(/out of the duos closed in the period with a known outcome/)).toBeVisible();
  const returning = page.locator('.kpi').filter({ has: page.getByRole('heading', { name: 'Mentors who return' }) });
  await expect(returning.getByText('Programme reference: 9 in 10')).toBeVisible();

  // Charts drawn by the server, each named, with its numbers behind a toggle.
  for (const name of ['Outcomes by cohort', 'Duos created per quarter', 'Positive outcomes per city', 'Self-assessment at the start and at the end']) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  const cities = page.getByRole('figure', { name: 'Positive outcomes per city' });
  await expect(cities.getByRole('table')).toBeHidden();
  await cities.getByText('Show the data as a table').click();
  await expect(cities.getByRole('rowheader', { name: 'Brussels' })).toBeVisible();
  await expectAccessible(page);

  // A wrong period is refused at its field; a city narrows the figures and the downloads.
  await page.getByLabel('Period from').fill('2026-06-01');
  await page.getByLabel('Period to').fill('2026-01-01');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByText('The end must come after the start.')).toBeVisible();
  await page.getByLabel('Period to').fill('');
  await page.getByLabel('City').selectOption({ label: 'Brussels' });
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page).toHaveURL(/city=\d+/);
  await expect(page.getByText(/^From 01\/06\/2026 to \d\d\/\d\d\/\d{4}$/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Figures per city (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^impact-cities-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv).toContain('city,duos_created,duos_active,active_mentors,positive_outcome_rate');
  expect(csv).toMatch(/\r\nBrussels,\d+,/);
});

test('the dashboard reads without JavaScript', async ({ browser }) => {
  const manager = createUser({ role: 'manager' });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(manager.email);
  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto('/coordinator/impact?cohort=2025-Q1');
  await expect(page.getByRole('img', { name: 'Outcomes by cohort' })).toBeVisible();
  await expect(page.getByLabel('Cohort (quarter the duo started)')).toHaveValue('2025-Q1');
  await context.close();
});
