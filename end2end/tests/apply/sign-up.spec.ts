import { type Browser, type Page, devices } from '@playwright/test';
import { createUser, expectAccessible, signIn, expect, test, waitForHydration } from '../support';

// The public mentor application, on a Pixel 7 (see playwright.config.ts).

function unique(prefix: string) {
  const n = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  return { email: `${prefix}-${n}@e2e.duo.test`, lastName: `Tester${n}` };
}

async function fillAboutYou(page: Page, who: { email: string; lastName: string }, birthYear = '1961') {
  await page.getByLabel('First name').fill('Hélène');
  await page.getByLabel('Last name').fill(who.lastName);
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Phone number').fill('0470 12 34 56');
  await page.getByLabel('Year of birth').fill(birthYear);
}

async function fillTheRest(page: Page, next: () => Promise<void>) {
  await page.getByLabel('Postcode').fill('1050');
  await page.getByLabel('City of the programme').selectOption({ label: 'Brussels' });
  await next();
  await page.getByLabel('Healthcare').fill('32');
  await next();
  await page.getByLabel('French').selectOption({ label: 'native' });
  await page.getByLabel('Dutch').selectOption({ label: 'working' });
  await next();
  await page.getByRole('group', { name: 'Tuesday' }).getByLabel('evening').check();
  await page.getByRole('group', { name: 'Saturday' }).getByLabel('morning').check();
  await next();
  await page.getByLabel('Why do you want to be a mentor?').fill('Thirty years as a nurse: I know how hard the first job is.');
  await page.getByLabel('How did you hear of the programme?').selectOption({ label: 'Newspaper, radio or TV' });
  await page.getByLabel(/I have read the privacy notice/).check();
}

/**
 * axe-core needs scripts, so the page as a browser without JavaScript sees it is checked in a
 * context that runs scripts but never loads the application's own: nothing hydrates.
 */
async function expectAccessibleUnhydrated(browser: Browser, url: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  await context.route('**/pkg/**', (route) =>
    route.request().url().endsWith('.css') ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(url);
  await expectAccessible(page);
  await context.close();
}

async function mailsTo(page: Page, email: string) {
  const admin = createUser({ role: 'admin' });
  await signIn(page, admin);
  await page.goto('/admin/outbox');
  return page.getByRole('row').filter({ hasText: email });
}

test('an applicant signs up on a phone, step by step, without losing an answer', async ({ page, browser }) => {
  const who = unique('phone');
  const started = Date.now();
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Apply as a mentor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Become a mentor' })).toBeVisible();
  await expect(page.getByText('About two hours a week, for up to six months.')).toBeVisible();
  await expect(page.getByText('Step 1 of 6: About you')).toBeVisible();
  await expectAccessible(page);

  const next = () => page.getByRole('button', { name: 'Next' }).click();
  // Nothing typed: each field says what it needs, and the step stays.
  await next();
  await expect(page.locator('#field-first_name-error')).toHaveText('This field is required.');
  await expect(page.getByLabel('First name')).toBeFocused();
  await expect(page.getByText('Step 1 of 6: About you')).toBeVisible();
  await expectAccessible(page);

  // Errors follow the typing, with the same rules the server applies.
  await page.getByLabel('E-mail address').fill('helene@');
  await page.getByLabel('E-mail address').blur();
  await expect(page.locator('#field-email-error')).toHaveText('Enter an e-mail address like name@example.be.');
  await fillAboutYou(page, who);
  await expect(page.locator('#field-email-error')).toHaveCount(0);
  await next();
  await expect(page.getByText('Step 2 of 6: Where you live')).toBeVisible();

  // A reload in the same browser keeps what was typed.
  await page.getByLabel('Postcode').fill('1050');
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByLabel('Last name')).toHaveValue(who.lastName);
  await next();
  await expect(page.getByLabel('Postcode')).toHaveValue('1050');

  await fillTheRest(page, next);
  await expect(page.getByText('Step 6 of 6: Motivation and consent')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check your e-mail' })).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  console.log(`sign-up with JavaScript completed in ${seconds.toFixed(1)} s`);
  await expectAccessible(page);

  // The draft is gone once sent.
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByLabel('Last name')).toHaveValue('');

  const adminPage = await (await browser.newContext()).newPage();
  const rows = await mailsTo(adminPage, who.email);
  await expect(rows.filter({ hasText: 'Your application as a mentor' })).toHaveCount(1);
});

test('the same application works with JavaScript off, errors included', async ({ browser }) => {
  const who = unique('nojs');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto('/volunteer');
  // Every step is on the page at once, in order.
  await expect(page.getByRole('group', { name: '1. About you' })).toBeVisible();
  await expect(page.getByRole('group', { name: '6. Motivation and consent' })).toBeVisible();
  await fillAboutYou(page, who);
  await fillTheRest(page, async () => {});
  await page.getByLabel('Postcode').fill('10');
  await page.getByRole('button', { name: 'Send my application' }).click();

  // Refused: back on the form, the error next to its field, every answer still there.
  await expect(page.locator('#field-postcode-error')).toHaveText('Enter a Belgian postcode of four digits.');
  await expect(page.getByLabel('Postcode')).toHaveValue('10');
  await expect(page.getByLabel('Last name')).toHaveValue(who.lastName);
  await expect(page.getByLabel('Healthcare')).toHaveValue('32');
  await expect(page.getByLabel('French')).toHaveValue('native');
  await expect(page.getByRole('group', { name: 'Tuesday' }).getByLabel('evening')).toBeChecked();
  await expect(page.getByLabel('Why do you want to be a mentor?')).toHaveValue(/Thirty years/);
  await expect(page.getByLabel(/I have read the privacy notice/)).toBeChecked();
  await expectAccessibleUnhydrated(browser, page.url());

  await page.getByLabel('Postcode').fill('1050');
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page).toHaveURL(/\/volunteer\/sent$/);
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  console.log(`sign-up without JavaScript completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await expectAccessibleUnhydrated(browser, page.url());
  await context.close();
});

test('an applicant under 50 is told kindly why, and can correct a typo', async ({ page }) => {
  const who = unique('young');
  await page.goto('/volunteer');
  await waitForHydration(page);
  await fillAboutYou(page, who, '1990');
  await page.getByRole('button', { name: 'Next' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Thank you for wanting to help' });
  await expect(refusal).toContainText('Mentors in this programme are 50 or older');
  await expectAccessible(page);
  await refusal.getByRole('button', { name: 'Change my answers' }).click();
  await expect(page.getByLabel('Year of birth')).toHaveValue('1990');
  await page.getByLabel('Year of birth').fill('1960');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Step 2 of 6: Where you live')).toBeVisible();
});

test('applying twice with one address gives the same answer and one record', async ({ page, browser }) => {
  const who = unique('twice');
  for (let round = 0; round < 2; round++) {
    await page.goto('/volunteer');
    await waitForHydration(page);
    await fillAboutYou(page, who);
    const next = () => page.getByRole('button', { name: 'Next' }).click();
    await next();
    await fillTheRest(page, next);
    await page.getByRole('button', { name: 'Send my application' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Check your e-mail' })).toBeVisible();
  }

  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, coordinator);
  await staff.goto(`/coordinator?kind=mentors&q=${who.lastName}`);
  await expect(staff.getByRole('row').filter({ hasText: who.lastName })).toHaveCount(1);

  const adminPage = await (await browser.newContext()).newPage();
  const rows = await mailsTo(adminPage, who.email);
  await expect(rows).toHaveCount(2);
});
