import { createUser, expectAccessible, signIn, expect, test, waitForHydration, waitingMentee } from '../support';

test('an admin erases a young person on request: the page keeps nothing that names them', async ({ page, browser }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, coordinator);
  const menteeId = await waitingMentee(staffPage, 'Nour', 'Erasable');
  // A coordinator is not offered erasure.
  await staffPage.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(staffPage);
  await expect(staffPage.getByRole('heading', { level: 1 })).toContainText('Nour Erasable');
  await expect(staffPage.getByRole('region', { name: 'Erase' })).toHaveCount(0);

  await signIn(page, createUser({ role: 'admin' }));
  await page.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(page);
  const card = page.getByRole('region', { name: 'Erase' });
  await expect(card.getByText(/GDPR article 17/)).toBeVisible();
  await card.getByRole('button', { name: "Erase this person's data" }).click();
  const dialog = card.getByRole('alertdialog');
  await expect(dialog).toContainText('Erase everything that names or describes Nour Erasable? This cannot be undone.');
  await expectAccessible(page);
  // Changing one's mind changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nour Erasable');

  await card.getByRole('button', { name: "Erase this person's data" }).click();
  await card.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Anonymised on \d\d\/\d\d\/\d{4}/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Nour');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Withdrawn');
  await expect(page.getByText('erasable.nour@e2e.duo.test')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Erase' })).toHaveCount(0);
  // Nothing is asked about them any more: no conditions for a mentor to meet.
  await expect(page.getByRole('heading', { name: 'Conditions for the mentor' })).toHaveCount(0);
  await expectAccessible(page);

  // The coordinator's page shows the same anonymous record.
  await staffPage.reload();
  await expect(staffPage.getByRole('heading', { level: 1 })).not.toContainText('Nour');
  await staff.close();
});
