import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('an admin sets a city’s matching weights, with a refused value named at its field', async ({ page }) => {
  const admin = createUser({ role: 'admin', name: 'Wim Weights' });
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Matching weights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matching weights' })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  const form = page.getByRole('region', { name: 'Weights of a city' });
  await form.getByLabel('City').selectOption({ label: 'Mechelen' });
  await expect(form.getByLabel('Sector')).toHaveValue(/^\d+$/);
  await form.getByLabel('Sector').fill('101');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a value between 0 and 100.')).toBeVisible();
  await expect(form.getByLabel('Sector')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await form.getByLabel('Sector').fill('40');
  await form.getByLabel('Waiting time').fill('25');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('The weights are saved. New scores use them from now on.')).toBeVisible();
  await expect(form.getByText(/Set on .* by Wim Weights\./)).toBeVisible();
  await expect(form.getByLabel('Sector')).toHaveValue('40');
  await expect(form.getByLabel('Waiting time')).toHaveValue('25');
});
