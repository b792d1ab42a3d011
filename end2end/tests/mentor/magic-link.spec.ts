import { createUser, expectAccessible, signIn, signInByLink, expect, test, waitForHydration } from '../support';

test('a mentor signs in on their phone with the link from their e-mail', async ({ page, browser }) => {
  const mentor = createUser({ role: 'mentor', name: 'Marc Mentor', cities: ['ghent'] });
  const admin = createUser({ role: 'admin' });

  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Get a sign-in link' }).click();
  await expectAccessible(page);
  await page.getByLabel('E-mail address').fill(mentor.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('Check your e-mail');

  // The test reads the e-mail where an admin would: on the outbox page.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  await adminPage.goto('/admin/outbox');
  await expectAccessible(adminPage);
  const row = adminPage.getByRole('row').filter({ hasText: mentor.email }).first();
  await row.getByText('Your sign-in link').click();
  const body = (await row.getByText(/token=/).textContent()) ?? '';
  const link = body.match(/https?:\/\/\S+\/auth\/link\?token=[0-9a-f]{64}/)?.[0];
  expect(link, 'sign-in link in the e-mail').toBeTruthy();
  await adminContext.close();

  await page.goto(link!);
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/mentor$/);
  await expect(page.getByRole('heading', { name: 'Hello Marc' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No duo yet' })).toBeVisible();
  await expectAccessible(page);

  // The link works once.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(link!);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This link has expired or has already been used.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});

test('a mentor with a proposed duo sees their mentee’s first name', async ({ page, browser }) => {
  const mentor = createUser({ role: 'mentor', name: 'Anne Mentor', cities: ['antwerp'] });
  const coordinator = createUser({ role: 'coordinator', cities: ['antwerp'] });

  // A coordinator takes the best waiting mentee in Antwerp for this mentor and proposes the duo.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, coordinator);
  const suggestions = await (await staffPage.request.post('/api/suggest_matches', {
    headers: { accept: 'application/json' },
    form: { kind: 'mentors', id: String(mentor.mentorId) },
  })).json();
  const best = suggestions.allowed[0];
  expect(best, 'a mentee who can be matched with the mentor').toBeTruthy();
  const menteeName: string = best.name;
  const proposed = await staffPage.request.post('/api/propose_duo', {
    form: { mentor_id: String(mentor.mentorId), mentee_id: String(best.id) },
  });
  expect(proposed.status()).toBe(200);
  await staff.close();

  // The mentor signs in with a fresh link, read from the outbox by an admin.
  await signInByLink(page, browser, mentor.email);
  await expect(page.getByRole('heading', { name: `Your duo with ${menteeName.split(' ')[0]}` })).toBeVisible();
  await expect(page.getByText('Proposed')).toBeVisible();
  // Only the first name: the mentor does not see the mentee's family name.
  await expect(page.getByText(menteeName)).toHaveCount(0);
  await expectAccessible(page);
});

test('asking for sign-in links again and again is paused, and the phone says so', async ({ page }) => {
  const mentor = createUser({ role: 'mentor', name: 'Lina Mentor', cities: ['ghent'] });
  await page.goto('/sign-in/link');
  await waitForHydration(page);
  const ask = async () => {
    await page.getByLabel('E-mail address').fill(mentor.email);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/request_magic_link'));
    await page.getByRole('button', { name: 'Send me a link' }).click();
    return (await answer).status();
  };
  for (let i = 1; i <= 5; i++) expect(await ask()).toBe(200);
  expect(await ask()).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('Too many attempts. Please wait a while and try again.');
  await expectAccessible(page);
});
