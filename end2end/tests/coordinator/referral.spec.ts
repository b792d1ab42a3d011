import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('a partner registers a mentee through a referral link, and the coordinator sees it', async ({ page, browser }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['liege'] });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals by partners' })).toBeVisible();
  await waitForHydration(page);
  const partner = `Forem ${Date.now()}`;
  const form = page.getByRole('region', { name: 'Make a link for a partner' });
  await form.getByLabel('Partner organisation').fill(partner);
  await form.getByRole('button', { name: 'Make the link' }).click();
  const address = await form.getByLabel('Link for the partner').inputValue();
  expect(address).toMatch(/\/refer\/[0-9a-f]{64}$/);
  await expect(page.getByRole('row').filter({ hasText: partner })).toContainText('Active');
  await expectAccessible(page);

  // The partner opens the link in their own browser, signed in as nobody.
  const context = await browser.newContext();
  const partnerPage = await context.newPage();
  await partnerPage.goto(address);
  await waitForHydration(partnerPage);
  await expect(partnerPage.getByText(`Referral by ${partner} for Liège.`)).toBeVisible();
  await expectAccessible(partnerPage);
  const lastName = `Referred${Date.now()}`;
  await partnerPage.getByLabel('First name').fill('Yassine');
  await partnerPage.getByLabel('Last name').fill(lastName);
  await partnerPage.getByLabel('Phone number', { exact: true }).fill('0470 98 76 54');
  await partnerPage.getByLabel(/^Year of birth/).fill('2003');
  await partnerPage.getByLabel('Postcode').fill('4000');
  await partnerPage.getByLabel('Logistics and transport').check();
  await partnerPage.getByLabel('Highest education completed').selectOption({ label: 'Vocational training' });
  await partnerPage.getByLabel('Arabic').selectOption({ label: 'native' });
  await partnerPage.getByLabel('French').selectOption({ label: 'working' });
  await partnerPage.getByRole('group', { name: 'Wednesday' }).getByLabel('afternoon').check();
  await partnerPage.getByRole('button', { name: 'Send the registration' }).click();
  await expect(partnerPage.locator('#field-consent-error')).toHaveText('This field is required.');
  await expect(partnerPage.getByLabel('Last name')).toHaveValue(lastName);
  await partnerPage.getByLabel(/The young person agrees to take part/).check();
  await partnerPage.getByRole('button', { name: 'Send the registration' }).click();
  await expect(partnerPage.getByText('Thank you. The registration has been received')).toBeVisible();
  await expectAccessible(partnerPage);
  await context.close();

  // Back with the coordinator: the young person is waiting to be seen.
  await page.reload();
  const waiting = page.getByRole('link', { name: `Yassine ${lastName}` });
  await expect(waiting).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: partner })).toContainText('1');
  await waiting.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Yassine ${lastName}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Registered');
});
