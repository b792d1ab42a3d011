import { createUser, expectAccessible, signIn, expect, test, waitForHydration, waitingMentee } from '../support';

test('a coordinator records conditions for a mentee’s mentor, and a bad distance is named', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const family = `Must${Date.now()}`;
  const menteeId = await waitingMentee(page, 'Hana', family);
  await page.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(page);

  const card = page.getByRole('region', { name: 'Conditions for the mentor' });
  await card.getByLabel('At least one weekly slot in common').check();
  await card.getByLabel(/At most this many km apart/).fill('0');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText('Enter a value between 1 and 200.')).toBeVisible();
  await expectAccessible(page);

  await card.getByLabel(/At most this many km apart/).fill('12');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText('The conditions are saved; the suggestions follow them.')).toBeVisible();
  await page.reload();
  await waitForHydration(page);
  await expect(card.getByLabel('At least one weekly slot in common')).toBeChecked();
  await expect(card.getByLabel(/At most this many km apart/)).toHaveValue('12');
  await expect(card.getByLabel("A mentor from one of the mentee's own goal sectors")).not.toBeChecked();
});
