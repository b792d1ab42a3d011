import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('an admin adds a coordinator for two cities, with errors shown per field', async ({ page }) => {
  const admin = createUser({ role: 'admin', name: 'Ada Admin' });
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await waitForHydration(page);
  await expectAccessible(page);

  const email = `new-coordinator-${Date.now()}@e2e.duo.test`;
  const form = page.getByRole('region', { name: 'Add a staff user' });
  await form.getByLabel('Name').fill('Chloé Coordinator');
  await form.getByLabel('E-mail').fill('not-an-address');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByText('Enter an e-mail address like name@example.be.')).toBeVisible();
  await expect(form.getByText('Enter at least 8 characters.')).toBeVisible();
  await expect(form.getByText('This field is required.')).toBeVisible();

  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Initial password').fill('a-good-long-password');
  await form.getByLabel('Ghent').check();
  await form.getByLabel('Mechelen').check();
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByRole('status')).toHaveText('User added.');
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Coordinator');
  await expect(row).toContainText('Ghent, Mechelen');

  // Disabling asks first.
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText(/Disable Chloé Coordinator\?/)).toBeVisible();
  await row.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Disabled');
  await expectAccessible(page);
});

test('a coordinator cannot open the admin pages', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['mechelen'] });
  await signIn(page, coordinator);
  await expect(page).toHaveURL(/\/coordinator/);
  await page.goto('/admin/users');
  await expect(page.getByRole('alert')).toHaveText('Your account may not do this.');
});
