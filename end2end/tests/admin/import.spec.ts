import { readFileSync } from 'node:fs';
import { createUser, expectAccessible, signIn, signInByLink, expect, test, waitForHydration } from '../support';

const HEADER = 'First name,Last name,E-mail,Birth year,Postcode,City,Sectors,Languages,Availability,E-mail language,Status,Joined on';

/**
 * `n` good mentor rows of this test's own, in Liège. All but the eighth left the programme
 * years ago, so they stay off the boards and lists the other tests read.
 */
function mentors(stamp: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    `Imported,Mentor ${i},import-${stamp}-${i}@e2e.duo.test,1960,4000,Liège,Healthcare:20,fr:native|nl:working,` +
    `tue-evening,en,${i === 7 ? 'available' : 'left'},2020-01-06`);
}

function csv(lines: string[]) {
  return { name: 'mentors.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${lines.join('\n')}\n`) };
}

test('an admin checks a file, reads its mistakes, then imports the corrected file with a progress bar', async ({ page, browser }) => {
  await signIn(page, createUser({ role: 'admin' }));
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Import people and past duos' })).toBeVisible();
  await expect(page.getByText('No file checked yet. Choose what the file holds and the file, then check it.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps of the import' }).getByText('Choose a file')).toHaveAttribute('aria-current', 'step');
  await expectAccessible(page);

  // The layout of each kind is documented, with its template in the admin's language.
  const layouts = page.getByRole('region', { name: 'Column layouts and templates' });
  await layouts.getByText('Mentors', { exact: true }).first().click();
  await expect(layouts.getByRole('rowheader', { name: 'Sectors', exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await layouts.getByRole('link', { name: 'Download the mentors template (CSV)' }).click();
  const template = readFileSync(await (await download).path()).toString('utf8');
  expect(template.replace('\ufeff', '').split('\r\n')[0]).toBe(
    'First name,Last name,E-mail,Phone,Birth year,Postcode,City,Sectors,Languages,Availability,E-mail language,Status,Joined on,Earlier duos');
  await expectAccessible(page);

  // Checking without a file says what is missing.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose a CSV file first.');

  // A file with mistakes: each named at its line and column, and nothing is written.
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const good = mentors(stamp, 1500);
  const mistaken = [
    good[0],
    'Bad,Address,not-an-address,1960,4000,Liège,Healthcare:20,fr:native,,en,left,2020-01-06',
    `Too,Young,young-${stamp}@e2e.duo.test,1996,4000,Liège,Plumbing:20,fr:native,,en,left,2020-01-06`,
    good[0],
  ];
  await page.getByLabel('CSV file').setInputFiles(csv(mistaken));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('4 rows in the file: 1 to import, 0 already there.')).toBeVisible();
  await expect(page.getByText('4 problems found. Nothing has been written: correct the file and check it again.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems in the file' });
  const rows = problems.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['3', 'E-mail', 'Enter an e-mail address like name@example.be.']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['4', 'Birth year', 'Mentors are 50 or older.']);
  await expect(rows.nth(3).getByRole('cell')).toHaveText(['4', 'Sectors', '“Plumbing” is not one of the programme’s sectors.']);
  await expect(rows.nth(4).getByRole('cell')).toHaveText(['5', 'E-mail', 'The same as line 2 of the file.']);
  await expect(page.getByRole('button', { name: /^Import \d+ rows$/ })).toHaveCount(0);
  await expectAccessible(page);

  // The corrected file: checked, confirmed, then written with the server's progress.
  await page.getByLabel('CSV file').setInputFiles(csv(good));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('1500 rows in the file: 1500 to import, 0 already there.')).toBeVisible();
  await expect(page.getByText('No problems found. Nothing has been written yet.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps of the import' }).getByText('Check')).toHaveAttribute('aria-current', 'step');
  // Every value the bar shows, read at each frame the browser paints. (A DOM observer would
  // also see values no frame showed: the page may replace the bar between two paints.)
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importProgress: string[] }).importProgress = seen;
    const read = () => {
      const bar = document.querySelector('progress#import-progress');
      const value = bar?.getAttribute('value');
      const shown = value ? `${value}/${bar?.getAttribute('max')}` : null;
      if (shown && shown !== seen[seen.length - 1]) seen.push(shown);
      requestAnimationFrame(read);
    };
    requestAnimationFrame(read);
  });
  await page.getByRole('button', { name: 'Import 1500 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toHaveText('Import finished: 1500 created, 0 already there.');
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('value', '1500');
  await expect(bar).toHaveAttribute('max', '1500');
  // The bar only moved forward, to all the rows. Whether a part shows before the end depends
  // on how the browser's reads cut the stream (one read can hold every event); the server's
  // events, one per batch of writes, are checked by the integration test.
  const seen = await page.evaluate(() => (window as unknown as { importProgress: string[] }).importProgress);
  const written = seen.filter((v) => v.endsWith('/1500')).map((v) => Number(v.split('/')[0]));
  expect(written.length, `progress seen: ${seen.join(' ')}`).toBeGreaterThan(0);
  expect(written.every((w, i) => i === 0 || w >= written[i - 1]), `progress seen: ${seen.join(' ')}`).toBe(true);
  expect(written[written.length - 1]).toBe(1500);
  await expectAccessible(page);

  // The same file again: everything is already there, nothing to import.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('CSV file').setInputFiles(csv(good));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('1500 rows in the file: 0 to import, 1500 already there.')).toBeVisible();
  await expect(page.getByText('Everything in this file is already there: there is nothing to import.')).toBeVisible();

  // An imported mentor signs in with a link sent by e-mail.
  const mentorContext = await browser.newContext();
  const mentorPage = await mentorContext.newPage();
  await signInByLink(mentorPage, browser, `import-${stamp}-7@e2e.duo.test`);
  await expect(mentorPage).toHaveURL(/\/mentor$/);
  await mentorContext.close();
});

test('a coordinator cannot import', async ({ page }) => {
  await signIn(page, createUser({ role: 'coordinator', cities: ['ghent'] }));
  await page.goto('/admin/import');
  await expect(page.getByRole('alert')).toHaveText('Your account may not do this.');
  await expect(page.getByLabel('CSV file')).toHaveCount(0);
});
