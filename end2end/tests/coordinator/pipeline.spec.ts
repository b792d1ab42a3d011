import { applyAsMentor, createUser, expectAccessible, signIn, expect, test } from '../support';

test('a new applicant appears on the screening board of their city', async ({ page, request }) => {
  const name = await applyAsMentor(request, 'Hélène');
  const lastName = name.split(' ')[1];

  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Screening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening board' })).toBeVisible();
  const appliedColumn = page.getByRole('region', { name: /^Applied/ });
  await expect(appliedColumn.getByRole('link', { name })).toBeVisible();
  await expectAccessible(page);

  // The filters narrow the board down, and every column still says what it holds.
  await page.getByLabel('Search by name').fill(lastName);
  await page.getByLabel('Sector').selectOption({ label: 'Healthcare' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${lastName}`));
  await expect(page.getByRole('link', { name })).toHaveCount(1);
  await expect(page.getByRole('region', { name: /^Available/ }).getByText('Nobody at this stage.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/coordinator\/mentors\/\d+$/);
});
