import { brusselsCoordinator, expectAccessible, expect, test, waitForHydration, proposedDuo, startDuo, signInByLink, moveClock } from '../support';

test('a mentor logs a meeting in a few taps, then one offline that is sent once back online', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Samira');
  await startDuo(staffPage, duoId);

  await signInByLink(page, browser, mentor.email);
  // Opening the app once online, as every day: the phone keeps a copy of the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.goto('/mentor');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Your duo with Samira' })).toBeVisible();
  await expect(page.getByText('Week 0 of 26')).toBeVisible();
  await expect(page.getByText('No meeting logged yet.')).toBeVisible();
  await expectAccessible(page);

  // The measured part: from the home page to the stored meeting, by taps.
  let taps = 0;
  const tap = async (locator: ReturnType<typeof page.getByRole>) => { taps += 1; await locator.tap(); };
  const started = Date.now();
  await tap(page.getByRole('link', { name: 'Log a meeting' }));
  await waitForHydration(page);
  await tap(page.getByText('CV', { exact: true }));
  await tap(page.getByText('Interview practice', { exact: true }));
  await tap(page.getByLabel('Short note'));
  await page.keyboard.type('Rewrote the CV together');
  await tap(page.getByRole('button', { name: 'Save the meeting' }));
  await expect(page.getByRole('status').filter({ hasText: 'Meeting saved.' })).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'meeting log', description: `${taps} taps, ${seconds.toFixed(1)} s` });
  console.log(`meeting log: ${taps} taps, ${seconds.toFixed(1)} s`);
  expect(taps).toBeLessThanOrEqual(5);
  expect(seconds).toBeLessThan(30);
  const recent = page.getByRole('region', { name: 'Recent meetings' });
  await expect(recent.getByRole('listitem').filter({ hasText: 'Rewrote the CV together' })).toBeVisible();
  await expect(recent.getByText('Interview practice')).toBeVisible();
  await expectAccessible(page);

  // Offline: the meeting waits on the phone, and the home page opens from the phone's copy.
  await page.getByRole('link', { name: 'Log a meeting' }).tap();
  await waitForHydration(page);
  await page.context().setOffline(true);
  await page.getByText('Network', { exact: true }).tap();
  await page.getByLabel('Next steps').fill('Call two employers');
  await page.getByRole('button', { name: 'Save the meeting' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();
  // Pressing again while offline still keeps one meeting waiting.
  await page.getByRole('button', { name: 'Save the meeting' }).tap();
  await page.goto('/mentor');
  await waitForHydration(page);
  await expect(page.getByText(/: waiting to send$/)).toHaveCount(1);

  await page.context().setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Your waiting meeting has been sent.' })).toBeVisible();
  await expect(page.getByText(/: waiting to send$/)).toHaveCount(0);
  await expect(recent.getByRole('listitem').filter({ hasText: ' · ' })).toHaveCount(2);

  // Exactly one meeting per log, as the coordinator sees it.
  await staffPage.goto(`/coordinator/duos/${duoId}`);
  await waitForHydration(staffPage);
  const meetings = staffPage.getByRole('region', { name: 'Meetings' });
  await expect(meetings.getByRole('listitem').filter({ hasText: ' · ' })).toHaveCount(2);
  await expect(meetings.getByText('Call two employers')).toBeVisible();
  await staff.close();
});

test('the home page renews the copy of the duo that the meeting form uses offline', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Yara');
  await startDuo(staffPage, duoId);
  await staff.close();

  await signInByLink(page, browser, mentor.email);
  // Whatever an earlier visit kept on the phone (it could be weeks old), the copy must come
  // from this visit of the home page, rendered by the server.
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/mentor');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Your duo with Yara' })).toBeVisible();

  // The meeting form was never opened: offline, it opens from that copy, dated today.
  await page.context().setOffline(true);
  await page.getByRole('link', { name: 'Log a meeting' }).tap();
  await expect(page.getByRole('heading', { name: 'Log a meeting' })).toBeVisible();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
  await expect(page.getByLabel('Date')).toHaveValue(today);
  await page.getByText('CV', { exact: true }).tap();
  await page.getByLabel('Short note').fill('Met in the library');
  await page.getByRole('button', { name: 'Save the meeting' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();
  await expectAccessible(page);

  // Back online, the meeting is sent once, by whichever page is open when the connection returns.
  await page.context().setOffline(false);
  await page.goto('/mentor');
  await waitForHydration(page);
  await expect(page.getByText(/: waiting to send$/)).toHaveCount(0);
  const recent = page.getByRole('region', { name: 'Recent meetings' });
  await expect(recent.getByRole('listitem').filter({ hasText: 'Met in the library' })).toHaveCount(1);
});

test('offline on a later day, the meeting form is dated by the phone, not by the last visit', async ({ page, browser }) => {
  const { staff, staffPage } = await brusselsCoordinator(browser);
  const { duoId, mentor } = await proposedDuo(staffPage, 'Nadia');
  await startDuo(staffPage, duoId);

  await signInByLink(page, browser, mentor.email);
  await page.goto('/mentor');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Your duo with Nadia' })).toBeVisible();

  // Two days later, still offline: the copy on the phone was read on the day of the visit.
  const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const day = (date: Date, locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  await page.context().setOffline(true);
  await page.clock.setSystemTime(later);
  await page.getByRole('link', { name: 'Log a meeting' }).tap();
  await expect(page.getByRole('heading', { name: 'Log a meeting' })).toBeVisible();
  const date = page.getByLabel('Date');
  await expect(date).toHaveValue(day(later, 'en-CA'));
  await expect(date).toHaveAttribute('max', day(later, 'en-CA'));
  await page.getByText('Network', { exact: true }).tap();
  await page.getByRole('button', { name: 'Save the meeting' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();

  // On that day the server takes the meeting, with the phone's date.
  await moveClock(staffPage, 2);
  try {
    await page.context().setOffline(false);
    await page.goto('/mentor');
    await waitForHydration(page);
    await expect(page.getByText(/: waiting to send$/)).toHaveCount(0);
    const recent = page.getByRole('region', { name: 'Recent meetings' });
    await expect(recent.getByRole('listitem').filter({ hasText: day(later, 'en-GB') })).toHaveCount(1);
  } finally {
    await moveClock(staffPage, 0);
    await staff.close();
  }
});
