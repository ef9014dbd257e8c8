/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from '@kring/demo-world';
import type { DevTokenSubject } from '@kring/identity';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, screenshot, startPortal, type PortalUnderTest } from './support/browser';
import { startTestOidcProvider, type TestOidcProvider } from './support/test-oidc-provider';

/** The identity broker's subject the administrator gives the new professional. */
const NEW_SUBJECT = 'broker|jan-de-wit-41c2';
const NOTE = 'Johan wil graag leren rondkomen nu de schuldregeling loopt. Hij is het best bereikbaar na vier uur.';

/**
 * Issue 18's "Done when", tried as its people would, each signing in at an OpenID Connect
 * provider (as at a broker): a visitor without signing in finds "schuldhulp" in Heerenveen with
 * waiting times; the WMO professional refers Johan to budget coaching from the family file;
 * Johan signs the consent; the budget-coaching organisation (Stichting Rondkomen Heerenveen, not
 * involved with the family) sees nothing about him before that, accepts, and reads exactly what
 * the consent covers; the administrator registers a new professional, who then signs in.
 * Screenshots `docs/screenshots/done-when-18-*.png` (with KRING_SCREENSHOTS=1).
 */
describeBrowser('Portal (issue 18, done when): the social map, a referral signed and accepted, a professional registered', () => {
  let provider: TestOidcProvider;
  let portal: PortalUnderTest;
  beforeAll(async () => {
    provider = await startTestOidcProvider({ clientId: 'kring-portal', audience: 'kring-gateway', subject: { kind: 'professional', professionalId: DEMO_PROFESSIONALS.wmo } });
    portal = await startPortal({
      label: 'portal_done_when_18',
      env: { KRING_JWKS_URL: provider.jwksUrl, KRING_OIDC_ISSUER: provider.issuer, KRING_OIDC_CLIENT_ID: 'kring-portal' },
    });
  });
  afterAll(async () => {
    await portal?.close();
    await provider?.close();
  });

  /** Someone logs in at the provider and comes back to Kring. */
  const signIn = async (subject: DevTokenSubject, expectName: string): Promise<Page> => {
    provider.signsIn(subject);
    const { page } = await portal.newPage();
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText(`Ingelogd als ${expectName}`).waitFor();
    return page;
  };
  const professional = (professionalId: string): DevTokenSubject => ({ kind: 'professional', professionalId });

  it('a visitor finds debt help with waiting times; Johan is referred to budget coaching, signs, and the organisation accepts and reads what he consented to; a new professional is registered and signs in', async () => {
    // 1. A visitor, not signed in, finds "schuldhulp" in Heerenveen with waiting times.
    const { page: visitor } = await portal.newPage();
    await visitor.getByRole('link', { name: 'Hulp zoeken zonder in te loggen? Kijk op de sociale kaart.' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await visitor.getByLabel('Waar zoekt u hulp bij?').fill('schuldhulp');
    await visitor.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Heerenveen' });
    await visitor.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await visitor.getByTestId('result-count').filter({ hasText: 'getoond' }).waitFor();
    const results = visitor.getByTestId('service-result');
    const coaching = results.filter({ has: visitor.getByRole('heading', { name: 'Budgetcoaching' }) });
    expect(await coaching.getByTestId('waiting-time').innerText()).toMatch(/^14 weken, per \d{1,2} [a-z]+ \d{4}$/);
    expect(await coaching.innerText()).toContain('Door Stichting Rondkomen Heerenveen');
    const counselling = results.filter({ has: visitor.getByRole('heading', { name: 'Schuldhulpverlening Heerenveen' }) });
    expect(await counselling.getByTestId('waiting-time').innerText()).toMatch(/^6 weken, per /);
    await expectAccessible(visitor, 'the social map, searched as a visitor');
    await screenshot(visitor, 'done-when-18-visitor-finds-debt-help', { scrollTo: visitor.getByRole('heading', { level: 2, name: 'Gevonden hulp' }) });

    // 2. Pieter de Jong (WMO, Team Toegang) refers Johan to budget coaching from the family file.
    const pieter = await signIn(professional(DEMO_PROFESSIONALS.wmo), 'Pieter de Jong');
    await menu(pieter, 'Mijn gezinnen');
    await pieter.getByRole('link', { name: /^Openen/ }).first().click();
    await pieter.getByRole('radio', { name: 'De hulp aan het gezin op elkaar afstemmen' }).check();
    await pieter.getByRole('button', { name: 'Dossier openen' }).click();
    await pieter.getByTestId('declared-purpose').waitFor();
    const form = pieter.getByTestId('refer-form');
    await form.getByRole('button', { name: 'Verwijzen' }).click();
    // Nothing filled in: each question says what is missing, and nothing is sent.
    await form.getByText('Kies wie u verwijst.').waitFor();
    await form.getByText('Zoek en kies de hulp.').waitFor();
    await expectAccessible(pieter, 'the referral form, refused');
    await form.getByRole('radio', { name: /^Johan de Vries/ }).check();
    await form.getByLabel('Zoek de hulp op de sociale kaart').fill('budgetcoaching');
    await form.getByLabel('Zoek de hulp op de sociale kaart').press('Enter');
    const found = form.getByRole('listitem').filter({ hasText: 'Budgetcoaching' });
    expect(await found.innerText()).toMatch(/14 weken, per /);
    await found.getByRole('button', { name: 'Kies Budgetcoaching, Stichting Rondkomen Heerenveen' }).click();
    await form.getByText('Gekozen: Budgetcoaching van Stichting Rondkomen Heerenveen.').waitFor();
    await form.getByLabel('Waarvoor mag de organisatie de gegevens gebruiken?').selectOption({ label: 'Schulden oplossen' });
    // Only the categories debt resolution may ever cover are offered.
    expect(await form.getByRole('checkbox', { name: 'Gezondheid' }).count()).toBe(0);
    for (const category of ['Naam en geboortedatum', 'Geld en schulden', 'Werk en meedoen']) await form.getByRole('checkbox', { name: category, exact: true }).check();
    await form.getByLabel('Toelichting (niet verplicht)').fill(NOTE);
    await form.getByRole('button', { name: 'Verwijzen' }).click();
    await form.getByText('De verwijzing naar Budgetcoaching is verstuurd.', { exact: false }).waitFor();
    const section = pieter.locator('section[aria-labelledby="file-referrals"]');
    const card = section.getByTestId('referral').filter({ hasText: 'Budgetcoaching · Stichting Rondkomen Heerenveen' });
    await card.waitFor();
    const cardText = await card.innerText();
    for (const shown of ['Wacht op antwoord', 'Johan de Vries', 'Gemeente Heerenveen Team Toegang', '14 weken', 'Wacht op handtekening. Nog nodig: de handtekening van Johan de Vries', NOTE]) expect({ shown, on: cardText.includes(shown) }).toEqual({ shown, on: true });
    await expectAccessible(pieter, 'the family file with the referral');
    await screenshot(pieter, 'done-when-18-wmo-refers-johan', { scrollTo: card });

    // Before Johan signs, the organisation sees that a referral exists, not whom it is about.
    const noor = await signIn(professional(DEMO_PROFESSIONALS.budgetcoach), 'Noor Hendriks, Stichting Rondkomen Heerenveen');
    await menu(noor, 'Verwijzingen voor ons');
    const incoming = noor.getByTestId('incoming-referral').filter({ hasText: 'Budgetcoaching' });
    await incoming.waitFor();
    const before = await incoming.innerText();
    expect(before).toContain('Nog niet bekend: het gezin heeft nog niet getekend');
    for (const hidden of ['Johan', NOTE]) expect({ hidden, on: before.includes(hidden) }).toEqual({ hidden, on: false });
    expect(await incoming.getByRole('button', { name: 'Aannemen' }).isDisabled()).toBe(true);
    const unsignedFile = await portal.gateway.graphql(`query($f: ID!) { family(id: $f, purpose: "DEBT_RESOLUTION") { id } }`, { token: await provider.tokenFor(professional(DEMO_PROFESSIONALS.budgetcoach)), variables: { f: DEMO_FAMILY_ID } });
    expect(unsignedFile.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    // 3. Johan, signed in, sees the referral and signs its consent.
    const johan = await signIn({ kind: 'citizen', memberId: DEMO_MEMBERS.johan }, 'Johan de Vries');
    await menu(johan, 'Wie mag wat zien');
    const his = johan.locator('section[aria-labelledby="referrals-title"]').getByTestId('referral').filter({ hasText: 'Budgetcoaching' });
    await his.waitFor();
    expect(await his.innerText()).toContain(NOTE);
    expect(await his.innerText()).toContain('Nog nodig: uw handtekening');
    await his.getByRole('link', { name: 'Naar de toestemming om te tekenen' }).click();
    const consent = johan.getByRole('article').filter({ hasText: 'Hoort bij de verwijzing naar Budgetcoaching.' });
    expect(await consent.innerText()).toContain('Wacht op handtekening');
    await expectAccessible(johan, 'Wie mag wat zien with a referral');
    await screenshot(johan, 'done-when-18-johan-signs', { scrollTo: his });
    await consent.getByRole('button', { name: 'Ondertekenen' }).click();
    await consent.getByText('De toestemming geldt nu.', { exact: false }).waitFor();
    await his.getByText('Geldt nu', { exact: false }).waitFor();

    // 4. The budget coach sees Johan and the note now, accepts, and reads what the consent covers.
    // (Her page is still open: she comes back to the list through the menu, as a person would.)
    await menu(noor, 'Mijn gezinnen');
    await menu(noor, 'Verwijzingen voor ons');
    const signed = noor.getByTestId('incoming-referral').filter({ hasText: 'Budgetcoaching' });
    await signed.getByText('Geldt: u mag aannemen').waitFor();
    const after = await signed.innerText();
    expect(after).toContain('Johan de Vries');
    expect(after).toContain(NOTE);
    await signed.getByRole('button', { name: 'Aannemen' }).click();
    await signed.getByText('De verwijzing is aangenomen. Uw organisatie is nu betrokken.').waitFor();
    await expectAccessible(noor, 'referrals for us, accepted');
    await screenshot(noor, 'done-when-18-budget-coach-accepts', { scrollTo: signed });
    await signed.getByRole('link', { name: 'Het gezinsdossier openen' }).click();
    await noor.getByTestId('declared-purpose').filter({ hasText: 'Schulden oplossen' }).waitFor();
    await noor.getByText('Bijstandsuitkering (Participatiewet)').waitFor();
    const file = await noor.getByRole('main').innerText();
    expect(file).toContain('Johan de Vries');
    // Nothing the consent does not cover: no other member's name, no care, no health.
    for (const hidden of ['Marieke de Vries', 'Daan de Vries', 'ADHD', 'Methylfenidaat', 'Kerkstraat']) expect({ hidden, on: file.includes(hidden) }).toEqual({ hidden, on: false });
    await expectAccessible(noor, 'the family file after acceptance');
    await screenshot(noor, 'done-when-18-budget-coach-reads', { scrollTo: noor.getByText('Bijstandsuitkering (Participatiewet)') });
    const read = await portal.gateway.graphql<{ family: { members: { id: string; name: string | null }[] } }>(`query($f: ID!) { family(id: $f, purpose: "DEBT_RESOLUTION") { members { id name } } }`, {
      token: await provider.tokenFor(professional(DEMO_PROFESSIONALS.budgetcoach)),
      variables: { f: DEMO_FAMILY_ID },
    });
    expect(read.errors).toBeUndefined();
    expect(read.data?.family.members.filter((m) => m.name !== null)).toEqual([{ id: DEMO_MEMBERS.johan, name: 'Johan de Vries' }]);

    // 5. The administrator registers a new professional of the budget-coaching organisation, who signs in.
    const admin = await signIn(professional(DEMO_PROFESSIONALS.admin), 'Kees Beheer');
    await menu(admin, 'Medewerkers');
    await admin.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Stichting Rondkomen Heerenveen' });
    await admin.waitForURL(`**/professionals?organisation=${DEMO_ORGANISATIONS.budgetcoaching}`);
    await admin.getByLabel('Naam', { exact: true }).fill('Jan de Wit');
    await admin.getByLabel('Contact op het werk (mag leeg blijven)').fill('0513 62 1101, j.dewit@rondkomenheerenveen.example');
    await admin.getByLabel('Inlogcode bij de inlogdienst').fill(NEW_SUBJECT);
    await admin.getByRole('button', { name: 'Medewerker inschrijven' }).click();
    await admin.getByText(`Jan de Wit is ingeschreven. Jan de Wit kan nu inloggen met inlogcode ${NEW_SUBJECT}.`).waitFor();
    await expectAccessible(admin, 'professionals, one registered');
    await screenshot(admin, 'done-when-18-admin-registers', { scrollTo: admin.getByRole('article', { name: 'Jan de Wit' }) });
    const jan = await signIn(professional(NEW_SUBJECT), 'Jan de Wit, Stichting Rondkomen Heerenveen');
    await jan.getByRole('heading', { level: 1, name: 'Mijn gezinnen' }).waitFor();
    // A colleague of the accepting organisation: the family is his organisation's now.
    await jan.getByRole('link', { name: /^Openen/ }).first().waitFor();
    await screenshot(jan, 'done-when-18-new-professional-signed-in');
  }, 300_000);
});
