import { type Page } from '@playwright/test';
import { createUser, expectAccessible, expect, test, waitForHydration } from '../support';

/** Clicks the form's button and returns the status the sign-in function answered. */
async function submit(page: Page, button: string): Promise<number> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/sign_in'));
  await page.getByRole('button', { name: button }).click();
  return (await answer).status();
}

test('after five wrong passwords the account is paused from this address, with a readable message', async ({ page }) => {
  const staff = createUser({ role: 'coordinator', cities: ['brussels'] });
  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByLabel('E-mail address').fill(staff.email);
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Password').fill(`not-the-password-${i}`);
    expect(await submit(page, 'Sign in')).toBe(422);
    await expect(page.getByText('The e-mail address or password is not correct.')).toBeVisible();
  }

  // Even the right password is refused now, and the page says why and what to do.
  await page.getByLabel('Password').fill(staff.password);
  expect(await submit(page, 'Sign in')).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('Too many attempts. Please wait a while and try again.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);

  // In the person's own language too.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByLabel('Wachtwoord').fill(staff.password);
  expect(await submit(page, 'Aanmelden')).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('Te veel pogingen. Wacht even en probeer het opnieuw.');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByLabel('Mot de passe').fill(staff.password);
  expect(await submit(page, 'Se connecter')).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('Trop de tentatives. Patientez un moment puis réessayez.');
});
