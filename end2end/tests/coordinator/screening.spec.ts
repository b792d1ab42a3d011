import { applyAsMentor, brusselsLocal, createUser, expectAccessible, signIn, expect, test } from '../support';

test('a coordinator takes an applicant through intake and training to available', async ({ page, request }) => {
  const name = await applyAsMentor(request, 'Marc');
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Screening' }).click();
  await page.getByRole('region', { name: /^Applied/ }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Applied');

  // Plan the intake interview: a time in the past is refused next to its field, and the
  // place typed stays.
  const screening = page.getByRole('region', { name: 'Screening and status' });
  await screening.getByLabel('Date and time (Brussels time)').fill(brusselsLocal(-24 * 60));
  await screening.getByLabel('Place').fill('Rue Haute 12, Brussels');
  await screening.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(screening.getByText('Choose a date and time that are still to come.')).toBeVisible();
  await expect(screening.getByLabel('Place')).toHaveValue('Rue Haute 12, Brussels');
  await screening.getByLabel('Date and time (Brussels time)').fill(brusselsLocal(3 * 24 * 60));
  await screening.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(screening.getByText(/Intake interview planned on .*, at Rue Haute 12, Brussels\./)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Intake scheduled');
  await expectAccessible(page);

  // Record the interview: a missing score is named, the others stay chosen.
  await screening.getByLabel('Motivation').selectOption({ label: '5 out of 5' });
  await screening.getByRole('button', { name: 'Save the report' }).click();
  await expect(screening.getByText('This field is required.').first()).toBeVisible();
  await expect(screening.getByLabel('Motivation')).toHaveValue('5');
  await screening.getByLabel('Communication').selectOption({ label: '4 out of 5' });
  await screening.getByLabel('Sector knowledge').selectOption({ label: '4 out of 5' });
  await screening.getByLabel('Availability').selectOption({ label: '3 out of 5' });
  await screening.getByLabel('Recommendation').selectOption({ label: 'Go on' });
  await screening.getByRole('button', { name: 'Save the report' }).click();
  await expect(screening.getByText(/Intake interview recorded on/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Intake done');
  await expect(screening.getByText('Before becoming available: a training session attended')).toBeVisible();

  // Training: the session took place this morning and is entered now to record who came.
  await page.getByRole('link', { name: 'Training', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentor training' })).toBeVisible();
  const title = `Welcome session ${Date.now()}`;
  const form = page.getByRole('region', { name: 'Plan a session' });
  await form.getByLabel('Session').fill(title);
  await form.getByLabel('Date and start time (Brussels time)').fill(brusselsLocal(-60));
  await form.getByLabel('Place').fill('Maison des associations');
  await form.getByRole('button', { name: 'Plan the session' }).click();
  await expect(form.getByText('The session is planned.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Mentor', { exact: true }).selectOption({ label: `${name} (Intake done)` });
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText('Not recorded yet');
  await page.getByRole('button', { name: `${name} came` }).click();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText('Came');
  await expectAccessible(page);

  // Back on the person: now the move to available is allowed.
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('In training');
  const status = page.getByRole('region', { name: 'Screening and status' });
  await status.getByLabel('New status').selectOption({ label: 'Available' });
  await status.getByRole('button', { name: 'Change the status' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Available');
  await expect(page.getByRole('cell', { name: 'Available' }).first()).toBeVisible();
  await expectAccessible(page);
});
