import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('a coordinator signs in, filters the lists of their city and opens a person', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', name: 'Nadia Coordinator', cities: ['brussels'] });
  await page.goto('/sign-in');
  await waitForHydration(page);
  await expectAccessible(page);
  await signIn(page, coordinator);

  await expect(page).toHaveURL(/\/coordinator$/);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(page.getByText('Signed in as Nadia Coordinator')).toBeVisible();
  const mentors = page.getByRole('table').getByRole('row');
  await expect(mentors.nth(1)).toBeVisible();
  await expectAccessible(page);

  // Only Brussels is in scope: the city filter offers nothing else.
  const cityOptions = await page.getByLabel('City').getByRole('option').allTextContents();
  expect(cityOptions).toEqual(['All', 'Brussels']);

  await page.getByRole('link', { name: 'Mentees' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Waiting' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=mentees/);
  await expect(page).toHaveURL(/status=waiting/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expectAccessible(page);
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < count; i++) await expect(rows.nth(i).getByRole('cell').nth(2)).toHaveText('Waiting');

  // Search narrows the list down to the person searched for.
  const firstName = (await rows.nth(1).getByRole('link').textContent())?.trim() ?? '';
  await page.getByLabel('Search by name or e-mail').fill(firstName);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('link', { name: firstName })).toBeVisible();

  await page.getByRole('link', { name: firstName }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(firstName);
  await expect(page.getByRole('heading', { name: 'Status history' })).toBeVisible();
  await expectAccessible(page);

  // A search that matches nobody says so and offers a way back.
  await page.goto('/coordinator?kind=mentees&q=zzzz-nobody');
  await expect(page.getByText('No one matches these filters.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clear filters' }).first()).toBeVisible();
});

test('a wrong password is refused next to the field, in the chosen language', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['liege'] });
  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByLabel('Adresse e-mail').fill(coordinator.email);
  await page.getByLabel('Mot de passe').fill('not-the-password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('L’adresse e-mail ou le mot de passe est incorrect.')).toBeVisible();
  await expect(page.getByLabel('Mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in$/);
});
