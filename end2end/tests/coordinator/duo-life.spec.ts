import { createUser, expectAccessible, signIn, expect, test, waitForHydration, proposedDuo, brusselsLocal } from '../support';

test('a coordinator introduces a proposed duo, records the agreement and starts it', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const { family } = await proposedDuo(page, 'Yasmina');

  await page.getByRole('link', { name: 'Duos' }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Duos', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: `Marc ${family} and Yasmina ${family}` }).click();
  await expect(page.getByRole('heading', { name: `Marc ${family} and Yasmina ${family}` })).toBeVisible();
  await expect(page.getByText('No introduction planned yet.')).toBeVisible();
  await expectAccessible(page);

  // A place left empty is named; the typed date stays.
  const when = brusselsLocal(60 * 24 * 3);
  await page.getByLabel('Date and time').fill(when);
  await page.getByRole('button', { name: 'Plan the introduction' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Date and time')).toHaveValue(when);
  await page.getByLabel('Place').fill('Maison de l’emploi, Rue Haute 12');
  await page.getByRole('button', { name: 'Plan the introduction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Introduction planned' })).toBeVisible();

  // At the meeting: both say yes. A decline would ask for its reason.
  const answers = page.getByRole('region', { name: 'Answers at the introduction' });
  await answers.getByRole('group', { name: 'The mentor' }).getByLabel('Declines').check();
  await expect(answers.getByLabel('Reason for the decline')).toBeVisible();
  await answers.getByRole('group', { name: 'The mentor' }).getByLabel('Accepts').check();
  await answers.getByRole('group', { name: 'The mentee' }).getByLabel('Accepts').check();
  await expect(answers.getByLabel('Reason for the decline')).toHaveCount(0);
  await expectAccessible(page);
  await answers.getByRole('button', { name: 'Record the answers' }).click();

  await expect(page.getByRole('heading', { name: 'Duo agreement' })).toBeVisible();
  await expect(page.getByText('The duo can start once both have signed the agreement.')).toBeVisible();
  await page.getByRole('button', { name: "Record the mentor's signature" }).click();
  await page.getByRole('button', { name: "Record the mentee's signature" }).click();
  await expect(page.getByRole('button', { name: 'Start the duo' })).toBeVisible();
  await expectAccessible(page);

  // Seven months is refused, with the latest date allowed.
  const start = brusselsLocal(0).slice(0, 10);
  await expect(page.getByLabel('Start date')).toHaveValue(start);
  const [y, m, d] = start.split('-').map(Number);
  const tooLate = new Date(Date.UTC(y, m - 1 + 7, Math.min(d, 28))).toISOString().slice(0, 10);
  await page.getByLabel('Planned end').fill(tooLate);
  await page.getByRole('button', { name: 'Start the duo' }).click();
  await expect(page.getByText(/A duo lasts six months at most/)).toBeVisible();
  await page.getByLabel('Planned end').fill('');
  await page.getByRole('button', { name: 'Start the duo' }).click();

  const facts = page.locator('dl.facts').first();
  await expect(facts.getByText('Active')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  await expect(page.getByText('No meetings logged yet.')).toBeVisible();
  // The first check-in, with the mentee; a missing channel is named first.
  const checkIns = page.getByRole('region', { name: 'Check-ins' });
  await expect(checkIns.getByText('No check-ins yet')).toBeVisible();
  await checkIns.getByLabel('With whom').selectOption({ label: 'with the mentee' });
  await checkIns.getByRole('button', { name: 'Log the check-in' }).click();
  await expect(checkIns.getByText('This field is required.')).toBeVisible();
  await checkIns.getByLabel('How').selectOption({ label: 'Phone' });
  await checkIns.getByLabel('Note').fill('Settled in well');
  await checkIns.getByRole('button', { name: 'Log the check-in' }).click();
  await expect(checkIns.getByRole('listitem').filter({ hasText: 'Phone · with the mentee' })).toBeVisible();
  await expect(checkIns.getByText('Settled in well')).toBeVisible();

  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page);
});
