import { applyAsMentor, createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

test('a new mentor confirms their address with the link of the e-mail, once', async ({ page, browser }) => {
  const name = await applyAsMentor(page.request, 'Confirmée');
  const email = `${name.split(' ')[1].toLowerCase()}@e2e.duo.test`;

  // Until then, the coordinator's board says the address is not confirmed.
  const staff = await browser.newContext();
  const coordinatorPage = await staff.newPage();
  await signIn(coordinatorPage, createUser({ role: 'coordinator', cities: ['brussels'] }));
  const board = `/coordinator/pipeline?q=${name.split(' ')[1]}`;
  await coordinatorPage.goto(board);
  const card = coordinatorPage.getByRole('listitem').filter({ hasText: name });
  await expect(card.getByText('E-mail address not confirmed yet')).toBeVisible();
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, createUser({ role: 'admin' }));
  await adminPage.goto('/admin/outbox');
  const row = adminPage.getByRole('row').filter({ hasText: email }).first();
  const body = (await row.getByText(/token=/).textContent()) ?? '';
  const link = body.match(/https?:\/\/\S+\/volunteer\/confirm\?token=[0-9a-f]{64}/)![0];

  await page.goto(link);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your e-mail address' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toHaveText(/your address is confirmed/);
  await expectAccessible(page);

  await admin.close();
  await coordinatorPage.goto(board);
  await expect(card.getByRole('link', { name })).toBeVisible();
  await expect(card.getByText('E-mail address not confirmed yet')).toHaveCount(0);
  await staff.close();

  // The link works once.
  await page.goto(link);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('alert')).toHaveText(/does not work any more/);
  await expect(page.getByRole('link', { name: 'Apply again' })).toBeVisible();
});
