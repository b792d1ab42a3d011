import { readFileSync } from 'node:fs';
import { createUser, expectAccessible, signIn, expect, test, waitForHydration, waitingMentee } from '../support';

test("a coordinator and an admin download everything about a mentee, with why each piece is kept", async ({ page, browser }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const menteeId = await waitingMentee(page, 'Samira', 'Exportova');

  await page.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(page);
  const card = page.getByRole('region', { name: 'Their data' });
  await expect(card.getByText(/GDPR articles 15 and 20/)).toBeVisible();
  await expectAccessible(page);

  const csvDownload = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Download their data (CSV)' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe(`mentee-${menteeId}-data.csv`);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  expect(csv).toContain('table,row,column,value,purpose');
  expect(csv).toMatch(/\r\nmentees,1,first_name,Samira,/);
  expect(csv).toMatch(/\r\nconsents,1,purpose,programme,/);

  // An admin reaches every city; the download is the same person's, as JSON.
  const context = await browser.newContext();
  const adminPage = await context.newPage();
  await signIn(adminPage, createUser({ role: 'admin' }));
  await adminPage.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(adminPage);
  const jsonDownload = adminPage.waitForEvent('download');
  await adminPage.getByRole('link', { name: 'Download their data (JSON)' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe(`mentee-${menteeId}-data.json`);
  const data = JSON.parse(readFileSync(await jsonFile.path(), 'utf8'));
  expect(data.person).toEqual({ kind: 'mentees', id: menteeId });
  const mentees = data.tables.find((t: { table: string }) => t.table === 'mentees');
  expect(mentees.rows[0].last_name).toBe('Exportova');
  expect(mentees.column_purposes.postcode).toContain('matching');
  await context.close();
});

test('a manager reads a person but is not offered their data', async ({ page, browser }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const menteeId = await waitingMentee(page, 'Yara', 'Readonly');
  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signIn(managerPage, createUser({ role: 'manager' }));
  await managerPage.goto(`/coordinator/mentees/${menteeId}`);
  await expect(managerPage.getByRole('heading', { level: 1 })).toContainText('Yara');
  await expect(managerPage.getByRole('region', { name: 'Their data' })).toHaveCount(0);
  const refused = await managerPage.request.get(`/privacy/export/mentees/${menteeId}.json`);
  expect(refused.status()).toBe(403);
  await context.close();
});

test('a coordinator records the withdrawal of two consents, and what depended on them stops', async ({ page }) => {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  await signIn(page, coordinator);
  const menteeId = await waitingMentee(page, 'Amal', 'Withdrawova', [['migrant_background', 'yes'], ['special_category_consent', 'yes']]);
  await page.goto(`/coordinator/mentees/${menteeId}`);
  await waitForHydration(page);
  await expect(page.getByText('Migrant background', { exact: true })).toBeVisible();

  const consents = page.getByRole('region', { name: 'Consents' });
  await expect(consents.getByRole('heading', { name: 'Taking part in the programme' })).toBeVisible();
  await consents.getByRole('button', { name: 'Withdraw: Migrant background (eligibility only)' }).click();
  const dialog = consents.getByRole('alertdialog');
  await expect(dialog).toContainText('The recorded answer about migrant background is erased.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(consents.getByText(/^Withdrawn on \d\d\/\d\d\/\d{4}$/)).toBeVisible();
  await expect(page.getByText('Migrant background', { exact: true })).toHaveCount(0);

  // Taking part: the young person leaves the programme.
  await consents.getByRole('button', { name: 'Withdraw: Taking part in the programme' }).click();
  await consents.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(consents.getByText(/^Withdrawn on /)).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Withdrawn');
  await expect(consents.getByRole('button', { name: /^Withdraw:/ })).toHaveCount(0);
});
