import { createUser, expectAccessible, signIn, expect, test, waitForHydration, proposedDuo, startDuo, brusselsLocal } from '../support';

test('a coordinator plans a peer session and records who came; the duo page counts it', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const { duoId, family } = await proposedDuo(page, 'Ines');
  await startDuo(page, duoId);

  await page.getByRole('link', { name: 'Peer sessions' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Peer sessions', level: 1 })).toBeVisible();
  const form = page.getByRole('region', { name: 'Plan a peer session' });
  await form.getByRole('button', { name: 'Plan the session' }).click();
  await expect(form.getByText('This field is required.').first()).toBeVisible();
  await form.getByLabel('City').selectOption({ label: 'Brussels' });
  const topic = `Listening well ${family}`;
  await form.getByLabel('Topic').fill(topic);
  await form.getByLabel('Date').fill(brusselsLocal(0).slice(0, 10));
  await form.getByLabel('Place').fill('Maison des mentors');
  await form.getByRole('button', { name: 'Plan the session' }).click();
  await expect(form.getByRole('status')).toHaveText('The peer session is planned.');
  await expectAccessible(page);

  await page.getByRole('link', { name: topic }).click();
  await waitForHydration(page);
  const who = page.getByRole('region', { name: 'Who came' });
  const mentor = who.getByRole('checkbox', { name: `Marc ${family}` });
  await mentor.check();
  await expect(mentor).toBeChecked();
  await page.reload();
  await waitForHydration(page);
  await expect(who.getByRole('checkbox', { name: `Marc ${family}` })).toBeChecked();
  await expectAccessible(page);

  await page.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(page);
  await expect(page.getByText('Peer sessions attended during the duo: 1 of the 2 expected')).toBeVisible();
});
