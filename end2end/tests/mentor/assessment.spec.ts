import { brusselsCoordinator, expectAccessible, expect, test, waitForHydration, proposedDuo, startDuo, signInByLink } from '../support';

test('a mentor fills in the start self-assessment with their mentee', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Nadia');
  await startDuo(staffPage, duoId);

  await signInByLink(page, browser, mentor.email);
  const todo = page.getByRole('region', { name: 'Start self-assessment' });
  await expect(todo).toBeVisible();
  await todo.getByRole('link', { name: 'Fill in with Nadia' }).tap();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Start self-assessment', level: 1 })).toBeVisible();
  await expectAccessible(page);

  const answer = async (question: RegExp, choice: string) => {
    await page.getByRole('group', { name: question }).getByText(choice, { exact: true }).tap();
  };
  await answer(/how sure of yourself/, '2 · a little');
  await answer(/what work you want/, '3 · somewhat');
  await answer(/CV, a cover letter/, '2 · a little');
  // One left out: it is named, and the others stay chosen.
  await answer(/people who can help/, '1 · not at all');
  await page.getByRole('button', { name: 'Save the self-assessment' }).tap();
  await expect(page.getByText('This field is required.')).toHaveCount(1);
  await answer(/language of work/, '4 · quite');
  await page.getByRole('button', { name: 'Save the self-assessment' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Self-assessment saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Start self-assessment' })).toHaveCount(0);

  await staffPage.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(staffPage);
  const table = staffPage.getByRole('region', { name: 'Self-assessments' });
  await expect(table.getByRole('row', { name: /Language/ }).getByRole('cell').first()).toHaveText('4');
  await expectAccessible(staffPage);
  await staff.close();
});
