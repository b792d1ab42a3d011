import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('an admin sees who is anonymised next, and shortens the period', async ({ page }) => {
  await signIn(page, createUser({ role: 'admin' }));
  await page.getByRole('link', { name: 'Retention' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Data retention' })).toBeVisible();
  const period = page.getByLabel('Months kept after the last activity');
  await expect(period).toHaveValue('24');
  const next = page.getByRole('region', { name: 'Anonymised next' });
  const rows = next.getByRole('row');
  // The demo's people outside an open duo, the earliest day first, each with a link to them.
  await expect(rows.nth(1).getByRole('link')).toBeVisible();
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText(/^\d\d\/\d\d\/\d{4}$/);
  await expect(next.getByText(/past their day/)).toHaveCount(0);
  // Sign-ups whose address was never confirmed are listed apart, with the day they go.
  await expect(page.getByRole('heading', { level: 2, name: 'Unconfirmed sign-ups deleted next' })).toBeVisible();
  await expectAccessible(page);

  await period.fill('0');
  await page.getByRole('button', { name: 'Save the period' }).click();
  await expect(page.getByText('Enter a value between 1 and 120.')).toBeVisible();

  // One month: people are past their day, for the job's next run.
  await period.fill('1');
  await page.getByRole('button', { name: 'Save the period' }).click();
  await expect(next.getByText(/past their day: the job anonymises them at its next run/)).toBeVisible();
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('At the next run');

  // Back to the programme's default before the job runs again, so no other test loses people.
  await period.fill('24');
  await page.getByRole('button', { name: 'Save the period' }).click();
  await expect(next.getByText(/past their day/)).toHaveCount(0);
});
