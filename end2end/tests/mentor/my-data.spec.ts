import { createUser, expectAccessible, signInByLink, expect, test, waitForHydration } from '../support';

test('a mentor withdraws their consent on their phone, in as few steps as they gave it', async ({ page, browser }) => {
  const mentor = createUser({ role: 'mentor', name: 'Paul Consenting', cities: ['brussels'] });
  await signInByLink(page, browser, mentor.email);

  await page.getByRole('link', { name: 'My data' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible();
  const consents = page.getByRole('region', { name: 'Consents' });
  await expect(consents.getByRole('heading', { name: 'Taking part in the programme' })).toBeVisible();
  await expect(consents.getByText(/^Given on \d\d\/\d\d\/\d{4} on paper, privacy notice of /)).toBeVisible();
  await expectAccessible(page);

  const withdraw = consents.getByRole('button', { name: 'Withdraw: Taking part in the programme' });
  const box = await withdraw.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await withdraw.click();
  const dialog = consents.getByRole('alertdialog');
  await expect(dialog).toContainText('no more matching and no more programme e-mails');
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('status')).toHaveText('The consent is withdrawn.');
  await expect(consents.getByText(/^Withdrawn on \d\d\/\d\d\/\d{4}$/)).toBeVisible();
  await expect(consents.getByRole('button', { name: /^Withdraw:/ })).toHaveCount(0);
  await expectAccessible(page);
});
