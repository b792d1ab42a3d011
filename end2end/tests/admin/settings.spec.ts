import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('an admin sets the rest before a mentor is invited back', async ({ page }) => {
  const admin = createUser({ role: 'admin' });
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Programme settings' })).toBeVisible();
  const rest = page.getByLabel('Rest after a duo, in weeks');
  await expect(rest).toHaveValue('3');
  await expectAccessible(page);

  await rest.fill('60');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByText('Enter a value between 0 and 52.')).toBeVisible();
  await rest.fill('4');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.reload();
  await waitForHydration(page);
  await expect(rest).toHaveValue('4');

  // Back to the programme's default, which the duo tests expect.
  await rest.fill('3');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});
