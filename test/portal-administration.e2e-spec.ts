/// <reference lib="dom" />
import { DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, screenshot, startPortal, type PortalUnderTest } from './support/browser';
import { startTestOidcProvider, type TestOidcProvider } from './support/test-oidc-provider';

/** The identity broker's subject the administrator gives the new professional (as the broker issues it). */
const NEW_SUBJECT = 'broker|lotte-visser-7f3a';

describeBrowser('Portal administration (issue 18, item 4): the administrator registers organisations and professionals, changes roles and deactivates; a new professional signs in', () => {
  let provider: TestOidcProvider;
  let portal: PortalUnderTest;
  beforeAll(async () => {
    // Signing in as a real user does: at an external OpenID Connect provider, which knows the person by their subject.
    provider = await startTestOidcProvider({ clientId: 'kring-portal', audience: 'kring-gateway', subject: { kind: 'professional', professionalId: DEMO_PROFESSIONALS.admin } });
    portal = await startPortal({
      label: 'portal_administration',
      env: { KRING_JWKS_URL: provider.jwksUrl, KRING_OIDC_ISSUER: provider.issuer, KRING_OIDC_CLIENT_ID: 'kring-portal' },
    });
  });
  afterAll(async () => {
    await portal?.close();
    await provider?.close();
  });

  /** Someone logs in at the provider and comes back to Kring, as in the sign-in test. */
  const signInAtProvider = async (professionalId: string): Promise<Page> => {
    provider.signsIn({ kind: 'professional', professionalId });
    const { page } = await portal.newPage();
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    return page;
  };
  const signInAsAdministrator = async (): Promise<Page> => {
    const page = await signInAtProvider(DEMO_PROFESSIONALS.admin);
    await page.waitForURL('**/organisations');
    await page.getByText('Ingelogd als Kees Beheer, Gemeente Heerenveen Team Toegang').waitFor();
    return page;
  };
  const registration = async (subject: string) => {
    const rows = await portal.gateway.dataSource.query<{ id: string; roles: string[]; deactivated_at: Date | null }[]>(`SELECT id, roles::text[] AS roles, deactivated_at FROM professional WHERE subject = $1`, [subject]);
    return rows[0];
  };

  it('registers an organisation and a professional of it (refusals at their fields); the professional signs in; the administrator changes their roles and deactivates them', async () => {
    const admin = await signInAsAdministrator();
    const nav = admin.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Organisaties', 'Medewerkers', 'Sociale kaart']);
    const debt = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'Schuldhulpverlening Heerenveen' }) });
    expect(await debt.innerText()).toContain('90000003');
    await expectAccessible(admin, 'organisations');
    await screenshot(admin, 'admin-organisations');

    // The API's refusals, each at the field it names.
    await admin.getByLabel('Naam', { exact: true }).fill('Buurtteam Thialf');
    await admin.getByLabel('Soort organisatie').selectOption({ label: 'Wmo (hulp thuis)' });
    await admin.getByLabel('OIN', { exact: true }).fill('123');
    await admin.getByRole('button', { name: 'Organisatie inschrijven' }).click();
    await admin.getByText('Een OIN heeft precies 20 cijfers, en niet alleen nullen.').waitFor();
    expect(await admin.getByLabel('OIN', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('OIN', { exact: true }).fill('');
    await admin.getByLabel('KvK-nummer').fill('90000003');
    await admin.getByRole('button', { name: 'Organisatie inschrijven' }).click();
    await admin.getByText('Er is al een organisatie ingeschreven met dit KvK-nummer.').waitFor();
    expect(await admin.getByLabel('KvK-nummer').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, 'register organisation, refused');
    await admin.getByLabel('KvK-nummer').fill('90000099');
    await admin.getByRole('button', { name: 'Organisatie inschrijven' }).click();
    await admin.getByText('Buurtteam Thialf is ingeschreven.').waitFor();
    await admin.getByRole('rowheader', { name: 'Buurtteam Thialf' }).waitFor();

    await admin.getByRole('status').getByRole('link', { name: 'Medewerkers van Buurtteam Thialf' }).click();
    await admin.waitForURL(/\/professionals\?organisation=[0-9a-f-]{36}$/);
    await admin.getByText('Deze organisatie heeft nog geen medewerkers in Kring.').waitFor();
    await admin.getByLabel('Naam', { exact: true }).fill('Lotte Visser');
    await admin.getByLabel('Contact op het werk (mag leeg blijven)').fill('0513 61 7900, l.visser@thialf.example');
    // Someone else signs in with this subject already.
    await admin.getByLabel('Inlogcode bij de inlogdienst').fill(DEMO_PROFESSIONALS.wmo);
    await admin.getByRole('button', { name: 'Medewerker inschrijven' }).click();
    await admin.getByText('Een andere medewerker logt al in met deze inlogcode.').waitFor();
    expect(await admin.getByLabel('Inlogcode bij de inlogdienst').getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Inlogcode bij de inlogdienst').fill(NEW_SUBJECT);
    await admin.getByRole('button', { name: 'Medewerker inschrijven' }).click();
    await admin.getByText(`Lotte Visser is ingeschreven. Lotte Visser kan nu inloggen met inlogcode ${NEW_SUBJECT}.`).waitFor();
    const card = admin.getByRole('article', { name: 'Lotte Visser' });
    await card.waitFor();
    expect(await card.innerText()).toContain('hulpverlener');
    expect(await registration(NEW_SUBJECT)).toMatchObject({ roles: ['PROFESSIONAL'], deactivated_at: null });
    await expectAccessible(admin, 'professionals');
    await screenshot(admin, 'admin-professionals');

    // The new professional signs in at the provider, with the subject the administrator gave.
    const lotte = await signInAtProvider(NEW_SUBJECT);
    await lotte.waitForURL('**/families');
    await lotte.getByText('Ingelogd als Lotte Visser, Buurtteam Thialf').waitFor();
    await lotte.getByRole('heading', { level: 1, name: 'Mijn gezinnen' }).waitFor();

    // Roles: team lead as well.
    await card.getByRole('button', { name: 'Rollen wijzigen' }).click();
    await card.getByRole('checkbox', { name: 'teamleider' }).check();
    await expectAccessible(admin, 'change roles');
    await card.getByRole('button', { name: 'Rollen opslaan' }).click();
    await card.getByText('De rollen van Lotte Visser zijn gewijzigd.', { exact: false }).waitFor();
    expect(await card.innerText()).toContain('hulpverlener en teamleider');
    expect((await registration(NEW_SUBJECT))?.roles).toEqual(['PROFESSIONAL', 'TEAM_LEAD']);

    // Deactivate, after a confirmation.
    await card.getByRole('button', { name: 'Op inactief zetten' }).click();
    await card.getByText('Weet u het zeker? Lotte Visser kan dan meteen niet meer inloggen.', { exact: false }).waitFor();
    await expectAccessible(admin, 'deactivate, confirmation');
    await screenshot(admin, 'admin-deactivate-confirm', { scrollTo: card });
    await card.getByRole('button', { name: 'Ja, op inactief zetten' }).click();
    await card.getByText('Lotte Visser staat nu op inactief en kan niet meer inloggen.').waitFor();
    await card.getByText('Inactief', { exact: true }).waitFor();
    expect((await registration(NEW_SUBJECT))?.deactivated_at).not.toBeNull();

    // Her open session ends on its next request (her families read again), and signing in again fails.
    await menu(lotte, 'Sociale kaart');
    await lotte.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await menu(lotte, 'Mijn gezinnen');
    await lotte.getByText('U bent uitgelogd omdat uw sessie is verlopen. Log opnieuw in.').waitFor();
    await lotte.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await lotte.getByText('Inloggen is niet gelukt. Probeer het opnieuw.').waitFor();
  }, 180_000); // two sign-ins, three forms, a confirmation, each checked with axe: longer than a one-page test

  it('says in plain words why the administrator cannot deactivate themselves or a case director', async () => {
    const admin = await signInAsAdministrator();
    await menu(admin, 'Medewerkers');
    await admin.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Gemeente Heerenveen Team Toegang' });
    await admin.waitForURL(`**/professionals?organisation=${DEMO_ORGANISATIONS.teamToegang}`);

    const self = admin.getByRole('article', { name: 'Kees Beheer (u)' });
    await self.getByRole('button', { name: 'Op inactief zetten' }).click();
    await self.getByRole('button', { name: 'Ja, op inactief zetten' }).click();
    await self.getByText('Uw eigen rollen wijzigt u niet zelf, en u zet uzelf niet op inactief. Dat doet een andere beheerder.', { exact: false }).waitFor();
    await self.getByRole('button', { name: 'Rollen wijzigen' }).click();
    await self.getByRole('checkbox', { name: 'hulpverlener' }).check();
    await self.getByRole('button', { name: 'Rollen opslaan' }).click();
    await self.getByText('Uw eigen rollen wijzigt u niet zelf', { exact: false }).waitFor();

    const director = admin.getByRole('article', { name: 'Pieter de Jong' });
    await director.getByRole('button', { name: 'Op inactief zetten' }).click();
    await director.getByRole('button', { name: 'Ja, op inactief zetten' }).click();
    await director.getByText('Pieter de Jong is nu casusregisseur van een gezin. Een gezin mag niet zonder casusregisseur komen te staan.', { exact: false }).waitFor();
    expect(await director.getByText('Actief', { exact: true }).count()).toBe(1);
    await expectAccessible(admin, 'refusals');
    await screenshot(admin, 'admin-refusal', { scrollTo: director });
    const rows = await portal.gateway.dataSource.query<{ deactivated_at: Date | null }[]>(`SELECT deactivated_at FROM professional WHERE id = ANY($1)`, [[DEMO_PROFESSIONALS.admin, DEMO_PROFESSIONALS.wmo]]);
    expect(rows).toEqual([{ deactivated_at: null }, { deactivated_at: null }]);

    await admin.getByRole('button', { name: 'Switch to English' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Professionals' }).waitFor();
    await expectAccessible(admin, 'professionals (en)');
  });
});
