import { devices, type Page } from '@playwright/test';
import { createUser, expectAccessible, signIn, expect, test, waitForHydration, proposedDuo, startDuo, signInByLink, moveClock } from '../support';

/** Chooses an outcome in the form that is on the page, with a job's details when given. */
async function chooseOutcome(page: Page, outcome: string, contract?: string, lasts?: 'Yes' | 'No') {
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: outcome });
  if (contract) await page.getByLabel('Contract', { exact: true }).selectOption({ label: contract });
  if (lasts) {
    await page.getByRole('group', { name: 'Does the job last at least 3 months?' }).getByLabel(lasts, { exact: true }).check();
  }
}

const END = 183; // days: past the six-month planned end of a duo started today

test('a duo lives from its start to the 12-month follow-up, and its mentor comes back', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const { duoId, mentor, family } = await proposedDuo(page, 'Samira', { screened: true });
  await startDuo(page, duoId);

  const phone = await browser.newContext({ ...devices['Pixel 7'] });
  const mentorPage = await phone.newPage();
  await signInByLink(mentorPage, browser, mentor.email);
  try {
    // Six months on: the planned end is reached, and closing needs no reason.
    await moveClock(page, END);
    await page.goto(`/coordinator/duos/${duoId}`);
    await waitForHydration(page);
    const closing = page.getByRole('region', { name: 'Closing the duo' });
    await expect(closing).toBeVisible();
    await expectAccessible(page);
    await closing.getByRole('button', { name: 'Start closing' }).click();
    await closing.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Closing started.' })).toBeVisible();
    const evaluations = page.getByRole('region', { name: 'End evaluations' });
    await expect(evaluations).toContainText('not yet');

    // The outcome waits for both end evaluations.
    await chooseOutcome(page, 'Internship');
    await page.getByRole('button', { name: 'Close the duo' }).click();
    await expect(page.getByText("the mentee's end self-assessment and the mentor's evaluation are both recorded")).toBeVisible();

    // On the phone: the end self-assessment with the mentee, then the mentor's own evaluation.
    await mentorPage.goto('/mentor');
    await waitForHydration(mentorPage);
    const end = mentorPage.getByRole('region', { name: 'The end of your duo' });
    await expect(end).toBeVisible();
    await expectAccessible(mentorPage);
    await end.getByRole('link', { name: 'End self-assessment with Samira' }).tap();
    await waitForHydration(mentorPage);
    await expect(mentorPage.getByRole('heading', { name: 'End self-assessment', level: 1 })).toBeVisible();
    await expectAccessible(mentorPage);
    for (const question of [/how sure of yourself/, /what work you want/, /CV, a cover letter/, /language of work/, /people who can help/]) {
      await mentorPage.getByRole('group', { name: question }).getByText('4 · quite', { exact: true }).tap();
    }
    await mentorPage.getByRole('button', { name: 'Save the self-assessment' }).tap();
    await expect(mentorPage.getByRole('status').filter({ hasText: 'Self-assessment saved.' })).toBeVisible();
    await expect(end.getByText('End self-assessment: done.')).toBeVisible();

    await end.getByRole('link', { name: 'Your evaluation of the duo' }).tap();
    await waitForHydration(mentorPage);
    await expect(mentorPage.getByRole('heading', { name: 'Your evaluation of the duo', level: 1 })).toBeVisible();
    await expectAccessible(mentorPage);
    for (const dimension of ['Self-confidence', 'Career plan', 'Job-search tools', 'Language', 'Professional and social network']) {
      await mentorPage.getByRole('group', { name: dimension, exact: true }).getByText('4 · quite', { exact: true }).tap();
    }
    // Left out: named at its question.
    await mentorPage.getByRole('button', { name: 'Send my evaluation' }).tap();
    await expect(mentorPage.getByText('This field is required.')).toHaveCount(1);
    await mentorPage.getByRole('group', { name: 'How did the duo go for you?' }).getByText('5 · very much', { exact: true }).tap();
    await mentorPage.getByLabel('Anything you want to tell us (optional)').fill('Samira was a joy to work with.');
    await mentorPage.getByRole('button', { name: 'Send my evaluation' }).tap();
    await expect(mentorPage.getByRole('status').filter({ hasText: 'Thank you for your evaluation!' })).toBeVisible();
    await expect(end.getByText('Your coordinator now closes the duo with Samira.')).toBeVisible();

    // The coordinator records the outcome, and the duo closes.
    await page.reload();
    await waitForHydration(page);
    await expect(evaluations).not.toContainText('not yet');
    await expect(evaluations).toContainText('Samira was a joy to work with.');
    await chooseOutcome(page, 'Job');
    await page.getByRole('button', { name: 'Close the duo' }).click();
    await expect(page.getByText('This field is required.')).toHaveCount(2);
    await chooseOutcome(page, 'Job', 'Fixed-term contract', 'Yes');
    await page.getByRole('button', { name: 'Close the duo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Duo closed.' })).toBeVisible();
    const outcome = page.getByRole('region', { name: 'Outcome at the end' });
    await expect(outcome).toContainText('Job · Fixed-term contract · at least 3 months (self-reported)');
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await expect(followUps.getByRole('row')).toHaveCount(4);
    await expectAccessible(page);

    // Three weeks' rest later, the mentor is asked to come back, and says yes.
    await moveClock(page, END + 22);
    await mentorPage.goto('/mentor');
    await waitForHydration(mentorPage);
    const back = mentorPage.getByRole('region', { name: 'Ready for a new duo?' });
    await expect(back).toContainText('Your duo with Samira has ended.');
    await expectAccessible(mentorPage);
    await back.getByRole('button', { name: 'Yes, I am ready' }).tap();
    await expect(back.getByRole('status')).toHaveText('Thank you! Your coordinator will contact you about a new mentee.');

    // Each follow-up is on the coordinator's list when due, and recorded there.
    const steps: [number, number, string, string | undefined, 'Yes' | 'No' | undefined, string][] = [
      [END + 93, 3, 'Job', 'Permanent contract', 'Yes', 'Job · Permanent contract · at least 3 months'],
      [END + 185, 6, 'Training', undefined, undefined, 'Training'],
      [END + 368, 12, 'Job', 'Temporary agency work', 'No', 'Job · Temporary agency work · less than 3 months'],
    ];
    for (const [days, months, result, contract, lasts, shown] of steps) {
      await moveClock(page, days);
      await page.goto('/coordinator/duos');
      await waitForHydration(page);
      const row = page.getByRole('row').filter({ hasText: `Samira ${family}` });
      await expect(row).toContainText('Follow-up due since');
      await page.goto(`/coordinator/duos/${duoId}`);
      await waitForHydration(page);
      await chooseOutcome(page, result, contract, lasts);
      await page.getByRole('button', { name: `Record the follow-up after ${months} months` }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Follow-up recorded.' })).toBeVisible();
      await expect(followUps.getByRole('row', { name: new RegExp(`After ${months} months`) })).toContainText(shown);
    }
    await expect(followUps).not.toContainText('to do');
    await expectAccessible(page);
  } finally {
    await moveClock(page, 0);
    await phone.close();
  }
});

test('a coordinator closes a duo early, with its reason', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const { duoId } = await proposedDuo(page, 'Yasmine');
  await startDuo(page, duoId);
  await page.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(page);
  const closing = page.getByRole('region', { name: 'Closing the duo' });
  await closing.getByRole('button', { name: 'Start closing' }).click();
  await closing.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(closing.getByText('This field is required.')).toBeVisible();
  await closing.getByLabel('Reason').selectOption({ label: 'The mentee found work' });
  await closing.getByRole('button', { name: 'Start closing' }).click();
  await closing.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Closing started.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Closing (The mentee found work)');
  await expectAccessible(page);
});
