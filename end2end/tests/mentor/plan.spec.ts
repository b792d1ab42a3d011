import { brusselsCoordinator, expectAccessible, expect, test, waitForHydration, proposedDuo, startDuo, signInByLink } from '../support';

test('mentor and coordinator share the action plan, and the mentor ticks steps off', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Karim');
  await startDuo(staffPage, duoId);

  // The coordinator sets the first goal at the start.
  await staffPage.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(staffPage);
  const staffPlan = staffPage.getByRole('region', { name: 'Action plan' });
  await expect(staffPlan).toContainText('No goals yet.');
  await staffPlan.getByLabel('New goal').fill('A job as a warehouse worker');
  await staffPlan.getByRole('button', { name: 'Add the goal' }).click();
  await expect(staffPlan.getByRole('heading', { name: 'A job as a warehouse worker' })).toBeVisible();
  await expectAccessible(staffPage);

  // On the phone, the mentor adds the steps and ticks one off.
  await signInByLink(page, browser, mentor.email);
  await page.getByRole('link', { name: 'Open the action plan' }).tap();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Action plan', level: 1 })).toBeVisible();
  const goal = page.getByRole('region', { name: 'A job as a warehouse worker' });
  await goal.getByRole('button', { name: 'Add the step' }).tap();
  await expect(goal.getByText('This field is required.')).toBeVisible();
  await goal.getByLabel('New step').fill('Get the forklift licence');
  await goal.getByLabel('Target date (optional)').fill('2099-03-01');
  await goal.getByRole('button', { name: 'Add the step' }).tap();
  await expect(goal.getByRole('checkbox', { name: /Get the forklift licence/ })).toBeVisible();
  await goal.getByLabel('New step').fill('Apply at three warehouses');
  await goal.getByRole('button', { name: 'Add the step' }).tap();
  await expect(goal.getByRole('checkbox', { name: /Apply at three warehouses/ })).toBeVisible();
  await expectAccessible(page);

  await goal.getByRole('checkbox', { name: /Apply at three warehouses/ }).check();
  await expect(goal.getByRole('checkbox', { name: /Apply at three warehouses/ })).toBeChecked();

  // The home shows what is left to do, soonest first.
  await page.getByRole('link', { name: 'Back to my duo' }).tap();
  await waitForHydration(page);
  await expect(page.getByText('Get the forklift licence (01/03/2099)')).toBeVisible();
  await expect(page.getByText('Apply at three warehouses')).toHaveCount(0);

  // The coordinator sees the same plan, with the step done.
  await staffPage.reload();
  await waitForHydration(staffPage);
  await expect(staffPlan.getByRole('checkbox', { name: /Apply at three warehouses/ })).toBeChecked();
  await expect(staffPlan.getByRole('checkbox', { name: /Get the forklift licence/ })).not.toBeChecked();
  await staff.close();
});
