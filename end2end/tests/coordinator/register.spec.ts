import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('a coordinator registers a mentee, correcting what the server names', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Register a mentee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a mentee' })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  const lastName = `Registered${Date.now()}`;
  await page.getByLabel('First name').fill('Amina');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel(/^E-mail address/).fill(`${lastName.toLowerCase()}@e2e.duo.test`);
  await page.getByLabel(/^Year of birth/).fill('1980');
  await page.getByLabel('Postcode').fill('1080');
  await page.getByLabel('Healthcare').check();
  await page.getByLabel('Highest education completed').selectOption({ label: 'Upper secondary' });
  await page.getByLabel('French').selectOption({ label: 'fluent' });
  await page.getByRole('group', { name: 'Monday' }).getByLabel('evening').check();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('The young person agrees to take part and to the privacy notice.').check();
  await page.getByRole('button', { name: 'Register' }).click();

  // Too old for the programme, and the sensitive answer without its consent: both are named,
  // and everything typed is still there.
  await expect(page.getByText('Some answers need correcting')).toBeVisible();
  await expect(page.getByText(/between 18 and 33/)).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue(lastName);
  await expect(page.getByLabel('Healthcare')).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/^Year of birth/).fill('2002');
  await page.getByLabel('The young person explicitly agrees that this answer is recorded to check their eligibility.').check();
  await page.getByRole('button', { name: 'Register' }).click();

  await expect(page).toHaveURL(/\/coordinator\/mentees\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Amina ${lastName}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Registered');
  await expectAccessible(page);
});
