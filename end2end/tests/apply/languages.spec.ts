import { expectAccessible, expect, test, waitForHydration } from '../support';

// The sign-up in French and in Dutch, as a browser set to that language opens it: the page,
// its steps and its errors speak the applicant's language.
const LANGUAGES = [
  {
    locale: 'fr-BE', title: 'Devenir mentor', step: 'Étape 1 sur 6 : Vous', next: 'Suivant',
    firstName: 'Prénom', email: 'Adresse e-mail', required: 'Ce champ est obligatoire.',
    invalidEmail: 'Indiquez une adresse e-mail comme name@example.be.',
  },
  {
    locale: 'nl-BE', title: 'Mentor worden', step: 'Stap 1 van 6: Over u', next: 'Volgende',
    firstName: 'Voornaam', email: 'E-mailadres', required: 'Dit veld is verplicht.',
    invalidEmail: 'Vul een e-mailadres in zoals name@example.be.',
  },
];

for (const lang of LANGUAGES) {
  test.describe(lang.locale, () => {
    test.use({ locale: lang.locale });

    test(`the sign-up speaks ${lang.locale}, errors included`, async ({ page }) => {
      await page.goto('/volunteer');
      await waitForHydration(page);
      await expect(page.getByRole('heading', { level: 1, name: lang.title })).toBeVisible();
      await expect(page.getByText(lang.step)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang.locale.slice(0, 2));

      await page.getByRole('button', { name: lang.next }).click();
      await expect(page.locator('#field-first_name-error')).toHaveText(lang.required);
      await expect(page.getByLabel(lang.firstName)).toBeFocused();
      await page.getByLabel(lang.email).fill('helene@');
      await page.getByLabel(lang.email).blur();
      await expect(page.locator('#field-email-error')).toHaveText(lang.invalidEmail);
      await expectAccessible(page);
    });
  });
}
