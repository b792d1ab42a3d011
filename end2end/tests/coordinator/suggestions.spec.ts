import { createUser, expectAccessible, signIn, expect, test } from '../support';

test('a waiting mentee gets explained suggestions, and one is proposed', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Mentees' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Waiting' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=waiting/);
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Waiting');

  const card = page.getByRole('region', { name: 'Suggested mentors' });
  const first = card.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Propose this duo' }) }).first();
  await expect(first).toBeVisible();
  await expect(first).toContainText(/\d+\/100/);
  await expect(first).toContainText(/Sector, \d+ of \d+ points: /);
  await expect(first).toContainText(/Language, \d+ of \d+ points: both speak /);
  await expectAccessible(page);

  await first.getByRole('button', { name: 'Propose this duo' }).click();
  const dialog = card.getByRole('alertdialog');
  await expect(dialog).toContainText(/Propose a duo with .* \(score \d+\/100\)\?/);
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(card.getByText('The duo is proposed.')).toBeVisible();
  await expect(card.getByText('The mentee is not waiting for a mentor.')).toBeVisible();
  await expectAccessible(page);
});
