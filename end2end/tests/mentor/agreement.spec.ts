import { brusselsCoordinator, expectAccessible, expect, test, waitForHydration, proposedDuo, introduceDuo, signInByLink } from '../support';

test('a mentor reads and signs their side of the duo agreement on the phone', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Leila');
  await introduceDuo(staffPage, duoId);

  await signInByLink(page, browser, mentor.email);
  const agreement = page.getByRole('region', { name: 'Duo agreement' });
  await expect(agreement).toContainText('meet every week for about two hours');
  await expectAccessible(page);
  await agreement.getByRole('button', { name: 'I agree: sign the agreement' }).tap();
  await expect(agreement.getByRole('status')).toContainText('You signed the agreement on');
  await page.reload();
  await waitForHydration(page);
  await expect(agreement).toContainText('You signed the agreement on');
  await expect(agreement.getByRole('button')).toHaveCount(0);

  // The coordinator sees the mentor's signature, and records only the mentee's.
  await staffPage.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(staffPage);
  await expect(staffPage.getByRole('button', { name: "Record the mentor's signature" })).toHaveCount(0);
  await expect(staffPage.getByRole('button', { name: "Record the mentee's signature" })).toBeVisible();
  await staff.close();
});
