import { createUser, expectAccessible, signIn, expect, test, waitForHydration, waitingMentee } from '../support';

test('an admin finds who read a mentee, and a search that matches nothing says so', async ({ page, browser }) => {
  // A coordinator opens a young person's page: the read is in the audit log.
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, coordinator);
  const menteeId = await waitingMentee(staffPage, 'Ilham', 'Audited');
  await staffPage.goto(`/coordinator/mentees/${menteeId}`);
  await expect(staffPage.getByRole('heading', { level: 1 })).toContainText('Ilham');
  await staff.close();

  await signIn(page, createUser({ role: 'admin' }));
  await page.getByRole('link', { name: 'Audit log' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('About').selectOption({ label: 'Mentee' });
  await page.getByLabel('Number of the mentor, mentee, duo or user').fill(String(menteeId));
  await page.getByRole('button', { name: 'Search the log' }).click();
  await expect(page).toHaveURL(new RegExp(`subject_id=${menteeId}`));
  const reads = page.getByRole('row').filter({ hasText: coordinator.email }).filter({ hasText: 'read' });
  await expect(reads.first()).toBeVisible();
  await expect(reads.first().getByRole('link', { name: `Mentee ${menteeId}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('E-mail of who did it (or part of it)').fill('nobody-did-this');
  await page.getByRole('button', { name: 'Search the log' }).click();
  await expect(page.getByText('No entry matches this search.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the search' }).first().click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
});
