import { execFileSync } from 'node:child_process';
import { expect, test as base, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'e2e-password-2026';

export interface CreatedUser {
  email: string;
  password: string;
  userId: number;
  mentorId?: number;
}

/**
 * Creates a user of its own for the calling test through the server's
 * `create-user` command, which admins also use to make the first account.
 */
export function createUser(opts: {
  role: 'admin' | 'coordinator' | 'manager' | 'mentor';
  name?: string;
  cities?: string[];
}): CreatedUser {
  const bin = process.env.SERVER_BIN;
  if (!bin) throw new Error('SERVER_BIN is not set: run the tests through make test');
  const email = `${opts.role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.duo.test`;
  const name = opts.name ?? `E2E ${opts.role}`;
  const args = ['create-user', '--email', email, '--name', name, '--role', opts.role];
  if (opts.role !== 'mentor') args.push('--password', PASSWORD);
  for (const city of opts.cities ?? []) args.push('--city', city);
  const out = execFileSync(bin, args, { env: process.env, cwd: '..' }).toString();
  const created = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  return { email, password: PASSWORD, userId: created.user_id, mentorId: created.mentor_id ?? undefined };
}

export async function signIn(page: Page, user: CreatedUser) {
  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Fails the test on any axe-core violation of WCAG 2.x A/AA rules. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/**
 * Waits until the WebAssembly has hydrated the page, so clicks are handled by it. A page
 * that does not get there fails with what it knows: the loader's reason when it gave up,
 * else the state of the page and of the downloads, instead of a bare test timeout.
 */
export async function waitForHydration(page: Page) {
  type Flags = { __duoHydrated?: boolean; __duoHydrationFailed?: string };
  const done = await page
    .waitForFunction(() => {
      const flags = window as unknown as Flags;
      return flags.__duoHydrated === true || flags.__duoHydrationFailed !== undefined;
    }, undefined, { timeout: 30_000 })
    .then(() => true, () => false);
  const state = await page.evaluate(() => ({
    hydrated: (window as unknown as Flags).__duoHydrated === true,
    failed: (window as unknown as Flags).__duoHydrationFailed,
    readyState: document.readyState,
    serviceWorker: navigator.serviceWorker?.controller?.state ?? 'none',
    downloads: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/pkg/'))
      .map((entry) => `${new URL(entry.name).pathname} ${Math.round(entry.duration)} ms`),
  }));
  if (!state.hydrated) {
    throw new Error(`${page.url()} was not hydrated${done ? '' : ' within 30 s'}: ${JSON.stringify(state)}`);
  }
}

/**
 * The test function every spec uses: it fails a test whose page throws, such
 * as a panic during hydration, even when the page still looks right, and one
 * whose page breaks its Content-Security-Policy (a script or style the
 * browser refused).
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const refused: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
          refused.push(message.text());
        }
      });
      await use();
      expect(errors, 'errors thrown in the page').toEqual([]);
      expect(refused, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

interface Named { id: number; en: string }

/**
 * Someone applies to become a mentor in Brussels, exactly as the public page's script does,
 * and the test gets the name to look for. The application must be received, not refused.
 */
export async function applyAsMentor(request: APIRequestContext, firstName: string): Promise<string> {
  const choices = await (await request.post('/api/get_application_page', {
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    data: '',
  })).json();
  const id = (list: Named[], name: string) => String(list.find((n) => n.en === name)!.id);
  const lastName = `E2e${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const answers = [
    ['first_name', firstName], ['last_name', lastName], ['email', `${lastName.toLowerCase()}@e2e.duo.test`],
    ['phone', '0470 12 34 56'], ['birth_year', '1958'], ['postcode', '1050'],
    ['city_id', id(choices.cities, 'Brussels')], [`years_${id(choices.sectors, 'Healthcare')}`, '30'],
    [`language_${id(choices.languages, 'French')}`, 'native'], ['slot', 'tue-evening'],
    ['motivation', 'I trained nurses for twenty years and want to keep helping.'],
    ['heard_from', 'friend'], ['consent', 'yes'], ['locale', 'en'],
  ];
  const applied = await request.post('/api/apply_as_mentor', { headers: { accept: 'application/json' }, data: { answers } });
  expect(applied.status(), await applied.text()).toBe(200);
  expect(await applied.json()).toBe('Received');
  return `${firstName} ${lastName}`;
}

/** A `datetime-local` value in Brussels time, `minutes` from now. */
export function brusselsLocal(minutes: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * Registers a young person in Brussels through the coordinator's API (English at working
 * level, healthcare, Monday evening) and moves them on to `waiting`, as after their intake.
 * `extra` answers are added to the form's.
 * `page` must be signed in as a Brussels coordinator. Returns the mentee's id.
 */
export async function waitingMentee(page: Page, firstName: string, lastName: string, extra: string[][] = []): Promise<number> {
  const json = { accept: 'application/json' };
  const choices = await (await page.request.post('/api/get_registration_page', {
    headers: { ...json, 'content-type': 'application/x-www-form-urlencoded' },
    data: '',
  })).json();
  const id = (list: Named[], name: string) => String(list.find((n) => n.en === name)!.id);
  const answers = [
    ['first_name', firstName], ['last_name', lastName], ['email', `${lastName.toLowerCase()}.${firstName.toLowerCase()}@e2e.duo.test`],
    ['birth_year', '2002'], ['postcode', '1080'], ['city_id', id(choices.cities, 'Brussels')],
    ['goal_sector', id(choices.sectors, 'Healthcare')], ['education', 'upper_secondary'],
    [`language_${id(choices.languages, 'English')}`, 'working'], ['slot', 'mon-evening'],
    ['consent', 'yes'], ['locale', 'en'], ...extra,
  ];
  const registered = await page.request.post('/api/register_mentee', { headers: json, data: { answers } });
  expect(registered.status(), await registered.text()).toBe(200);
  const menteeId: number = (await registered.json()).mentee_id;
  for (const to of ['intake_done', 'waiting']) {
    const moved = await page.request.post('/api/change_status', {
      headers: json,
      form: { 'change[kind]': 'mentees', 'change[person_id]': String(menteeId), 'change[to]': to },
    });
    expect(moved.status(), await moved.text()).toBe(200);
  }
  return menteeId;
}

/**
 * Signs `page` in as a mentor the way mentors do: a sign-in link by e-mail. An admin reads
 * the e-mail on the outbox page, in a context of its own.
 */
export async function signInByLink(page: Page, browser: Browser, email: string) {
  const admin = createUser({ role: 'admin' });
  await page.request.post('/api/request_magic_link', { form: { email } });
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  await adminPage.goto('/admin/outbox');
  const row = adminPage.getByRole('row').filter({ hasText: email }).first();
  const body = (await row.getByText(/token=/).textContent()) ?? '';
  const link = body.match(/https?:\/\/\S+\/auth\/link\?token=[0-9a-f]{64}/)![0];
  await adminContext.close();
  await page.goto(link);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/mentor$/);
}

/** Moves the server's clock `days` ahead of today (the route exists only with APP_ENV=test). */
export async function moveClock(page: Page, days: number) {
  const moved = await page.request.post('/test/clock', { form: { days: String(days) } });
  expect(moved.status(), 'the test clock').toBe(204);
}

/**
 * A Brussels coordinator signed in on a page of their own, in a browser context beside the
 * test's page (which is the mentor's phone). Close `staff` when the coordinator is done.
 */
export async function brusselsCoordinator(browser: Browser): Promise<{ staff: BrowserContext; staffPage: Page }> {
  const coordinator = createUser({ role: 'coordinator', cities: ['brussels'] });
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, coordinator);
  return { staff, staffPage };
}

/**
 * A Brussels mentor and a waiting mentee sharing a family name nobody else has, proposed as a
 * duo by `page`'s coordinator. Returns the duo's id, the mentor and the mentee's first name.
 */
export async function proposedDuo(page: Page, menteeFirst: string, opts: { screened?: boolean } = {}) {
  const family = `Zd${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const mentor = createUser({ role: 'mentor', name: `Marc ${family}`, cities: ['brussels'] });
  if (opts.screened) await screenMentor(page, mentor.mentorId!);
  const menteeId = await waitingMentee(page, menteeFirst, family);
  const proposed = await page.request.post('/api/propose_duo', {
    headers: { accept: 'application/json' },
    form: { mentor_id: String(mentor.mentorId), mentee_id: String(menteeId) },
  });
  expect(proposed.status(), await proposed.text()).toBe(200);
  return { duoId: (await proposed.json()).id as number, mentor, family };
}

/**
 * Takes a mentor made by `create-user` (available, but with no screening on record) through
 * the screening a real mentor has behind them: an intake interview and an attended training,
 * by `page`'s Brussels coordinator. The database lets only such a mentor become available
 * again after a pause.
 */
export async function screenMentor(page: Page, mentorId: number) {
  const person = { 'change[kind]': 'mentors', 'change[person_id]': String(mentorId) };
  await callAll(page, [
    ['change_status', { ...person, 'change[to]': 'paused', 'change[reason]': 'other' }],
    ['change_status', { ...person, 'change[to]': 'applied' }],
  ]);
  const json = { accept: 'application/json' };
  const scheduled = await page.request.post('/api/schedule_intake', {
    headers: json,
    form: { 'intake[kind]': 'mentors', 'intake[person_id]': String(mentorId), 'intake[at]': brusselsLocal(60), 'intake[place]': 'Office' },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(200);
  const interview = String((await scheduled.json()).interview_id);
  const scores = { 'report[motivation]': '4', 'report[communication]': '4', 'report[sector_knowledge]': '4', 'report[availability]': '4' };
  await callAll(page, [['record_intake', { 'report[interview_id]': interview, ...scores, 'report[recommendation]': 'proceed' }]]);
  const cities = await (await page.request.post('/api/list_trainings', { headers: { ...json, 'content-type': 'application/x-www-form-urlencoded' }, data: '' })).json();
  const brussels = String(cities.cities.find((c: Named) => c.en === 'Brussels').id);
  const created = await page.request.post('/api/create_training', {
    headers: json,
    form: { 'training[city_id]': brussels, 'training[title]': 'Mentor training', 'training[starts_at]': brusselsLocal(-60), 'training[location]': 'Office', 'training[capacity]': '10' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const seat = { 'seat[session_id]': String(await created.json()), 'seat[mentor_id]': String(mentorId) };
  await callAll(page, [
    ['register_for_training', seat],
    ['record_attendance', { ...seat, attended: 'true' }],
    ['change_status', { ...person, 'change[to]': 'available' }],
  ]);
}

/** Calls server functions as `page`'s user, in order, each expected to succeed. */
async function callAll(page: Page, steps: [string, Record<string, string>][]) {
  for (const [fn, form] of steps) {
    const done = await page.request.post(`/api/${fn}`, { headers: { accept: 'application/json' }, form });
    expect(done.status(), `${fn}: ${await done.text()}`).toBe(200);
  }
}

/** Takes a proposed duo through its introduction meeting, where both say yes. */
export async function introduceDuo(page: Page, duoId: number) {
  await callAll(page, [
    ['schedule_introduction', { 'plan[duo_id]': String(duoId), 'plan[at]': brusselsLocal(60 * 24), 'plan[place]': 'Office' }],
    ['record_introduction', { 'report[duo_id]': String(duoId), 'report[mentor]': 'accepted', 'report[mentee]': 'accepted' }],
  ]);
}

/** Takes a proposed duo through its introduction, both signatures and its start, today. */
export async function startDuo(page: Page, duoId: number) {
  await introduceDuo(page, duoId);
  await callAll(page, [
    ['sign_agreement', { duo_id: String(duoId), side: 'mentor' }],
    ['sign_agreement', { duo_id: String(duoId), side: 'mentee' }],
    ['start_duo', { 'start[duo_id]': String(duoId), 'start[started_on]': brusselsLocal(0).slice(0, 10) }],
  ]);
}
