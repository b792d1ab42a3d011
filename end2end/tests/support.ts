import { execFileSync } from 'node:child_process';
import { expect, test as base, type Page } from '@playwright/test';
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

/** Waits until the WebAssembly has hydrated the page, so clicks are handled by it. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __duoHydrated?: boolean }).__duoHydrated === true);
}

/**
 * The test function every spec uses: it fails a test whose page throws, such
 * as a panic during hydration, even when the page still looks right.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'errors thrown in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
