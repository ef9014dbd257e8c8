/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

interface Found {
  services: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean } };
}

describeBrowser('Portal social map (issue 18, item 4): public search, filters, a service\'s page, and a consent\'s recipient from the map', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_social_map' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** The names the public API answers for a search, in its order: what the page must show. */
  const namesFor = async (search: Record<string, unknown>, first = 10) => {
    const answer = await portal.gateway.graphql<Found>(`query($s: ServiceSearch, $n: Int!) { services(search: $s, first: $n) { edges { node { name } } pageInfo { hasNextPage } } }`, { variables: { s: search, n: first } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.services.edges.map((e) => e.node.name) ?? [];
  };
  const shownNames = async (page: Page) => page.getByTestId('service-result').getByRole('heading', { level: 3 }).allInnerTexts();
  const search = async (page: Page) => {
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('button', { name: 'Zoeken', exact: true }).and(page.locator(':not([aria-busy="true"])')).waitFor();
  };

  it('a visitor without signing in finds "schuldhulp" services in Heerenveen with their waiting times, and opens one', async () => {
    const { page } = await portal.newPage();
    const authorised: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.headers()['authorization'] !== undefined) authorised.push(request.url());
    });
    await page.getByRole('link', { name: 'Hulp zoeken zonder in te loggen? Kijk op de sociale kaart.' }).click();
    await page.waitForURL('**/sociale-kaart');
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await page.getByTestId('service-result').first().waitFor();

    await page.getByLabel('Waar zoekt u hulp bij?').fill('schuldhulp');
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Heerenveen' });
    await search(page);
    await page.getByTestId('result-count').filter({ hasText: 'getoond' }).waitFor();
    const expected = await namesFor({ text: 'schuldhulp', municipality: 'GM0074' });
    expect(expected).toEqual(expect.arrayContaining(['Schuldhulpverlening Heerenveen', 'Schuldhulpmaatje Heerenveen']));
    await page.getByRole('heading', { level: 3, name: expected[0] }).waitFor();
    expect(await shownNames(page)).toEqual(expected);

    // Waiting times in words with their date; a stale one is marked, with the reason.
    const counselling = page.getByTestId('service-result').filter({ has: page.getByRole('heading', { name: 'Schuldhulpverlening Heerenveen' }) });
    expect(await counselling.getByTestId('waiting-time').innerText()).toMatch(/^6 weken, per \d{1,2} [a-z]+ \d{4}$/);
    expect(await counselling.innerText()).not.toContain('verouderd');
    const buddy = page.getByTestId('service-result').filter({ has: page.getByRole('heading', { name: 'Schuldhulpmaatje Heerenveen' }) });
    expect(await buddy.getByTestId('waiting-time').innerText()).toMatch(/^4 weken, per /);
    expect(await buddy.innerText()).toContain('verouderd');
    expect(await buddy.innerText()).toContain('Deze wachttijd is meer dan 90 dagen niet bijgewerkt.');
    await expectAccessible(page, 'social map, search results');
    await screenshot(page, 'social-map', { scrollTo: page.getByRole('heading', { level: 2, name: 'Gevonden hulp' }) });

    await page.getByRole('link', { name: 'Schuldhulpverlening Heerenveen', exact: true }).click();
    await page.waitForURL(/\/sociale-kaart\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Schuldhulpverlening Heerenveen' }).waitFor();
    const main = await page.getByRole('main').innerText();
    for (const shown of ['Door Schuldhulpverlening Heerenveen', 'Vanaf 18 jaar', 'Rondkomen met geld', 'Zelf langsgaan of bellen', 'U kunt zelf contact opnemen', 'Gemeenten', 'Contact']) {
      expect({ shown, on: main.includes(shown) }).toEqual({ shown, on: true });
    }
    expect(main).toMatch(/6 weken, per \d{1,2} [a-z]+ \d{4}/);
    await expectAccessible(page, 'a service\'s page');
    await screenshot(page, 'social-map-service');

    // Back to the search: it is remembered in the tab (not in the address).
    await page.getByRole('link', { name: 'Terug naar zoeken' }).click();
    await page.waitForURL('**/sociale-kaart');
    expect(await page.getByLabel('Waar zoekt u hulp bij?').inputValue()).toBe('schuldhulp');
    expect(page.url()).not.toContain('schuldhulp');
    await page.getByRole('heading', { level: 3, name: expected[0] }).waitFor();
    expect(authorised).toEqual([]);

    // In English, still accessible.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Social map' }).waitFor();
    await expectAccessible(page, 'social map (en)');
  });

  it('filters as the API does, says so when nothing fits, shows wrong input at its field, and pages with "meer resultaten"', async () => {
    const { page } = await portal.newPage();
    await page.goto('/sociale-kaart');
    await page.getByTestId('service-result').first().waitFor();

    await page.getByLabel('Soort hulp', { exact: true }).selectOption({ label: 'Wmo (hulp thuis)' });
    await page.getByLabel('Hoe komt u er?').selectOption({ label: 'Met een besluit van de gemeente' });
    await page.getByLabel('Hoogstens zoveel weken wachten').fill('6');
    await page.getByLabel('Leeftijd', { exact: true }).fill('40');
    await search(page);
    const expected = await namesFor({ domain: 'WMO', accessRoute: 'DECISION', maxWaitingWeeks: 6, age: 40 });
    expect(expected.length).toBeGreaterThan(0);
    await page.getByTestId('result-count').filter({ hasText: `${expected.length} getoond` }).waitFor();
    expect(await shownNames(page)).toEqual(expected);
    await expectAccessible(page, 'social map, filtered');

    // Not a number: said at the field before anything is sent.
    await page.getByLabel('Leeftijd', { exact: true }).fill('veertig');
    await search(page);
    const age = page.getByLabel('Leeftijd', { exact: true });
    await page.getByText('Vul een heel getal in, zonder letters.').waitFor();
    expect(await age.getAttribute('aria-invalid')).toBe('true');
    // Out of the API's bounds: its BAD_USER_INPUT (search.age) is shown at the same field.
    await age.fill('130');
    await search(page);
    await page.getByText('Vul een leeftijd in van 0 tot en met 120 jaar.').waitFor();
    expect(await age.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Niet alles is goed ingevuld.').count()).toBe(1);
    await expectAccessible(page, 'social map, refused input');

    // Nothing fits.
    await page.getByRole('button', { name: 'Alles wissen' }).click();
    await page.getByLabel('Waar zoekt u hulp bij?').fill('zwemlesbrevet');
    await search(page);
    await page.getByText('We vonden geen hulp die hierbij past.').waitFor();
    expect(await page.getByTestId('service-result').count()).toBe(0);

    // The whole map by name, ten at a time.
    await page.getByRole('button', { name: 'Alles wissen' }).click();
    await page.getByTestId('result-count').filter({ hasText: '10 getoond. Er is meer.' }).waitFor();
    const all = await namesFor({}, 20);
    expect(await shownNames(page)).toEqual(all.slice(0, 10));
    await page.getByRole('button', { name: 'Meer resultaten' }).click();
    await page.getByTestId('result-count').filter({ hasText: /^20 getoond/ }).waitFor();
    expect(await shownNames(page)).toEqual(all);
    // Focus went to the first new result.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(all[10]);
  });

  it('signed in, the map is in the menu, and Marieke chooses a consent\'s recipient from it', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'marieke');
    await menu(page, 'Sociale kaart');
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    expect(await page.getByRole('link', { name: 'Inloggen bij Kring' }).count()).toBe(0);

    await menu(page, 'Wie mag wat zien');
    await page.getByRole('radio', { name: /^Over uzelf/ }).check();
    await page.getByRole('radio', { name: 'Eén organisatie', exact: true }).check();
    const picker = page.getByTestId('recipient-from-map');
    await picker.getByLabel('Of zoek de organisatie op de sociale kaart').fill('budgetcoaching');
    // Enter searches the map; it does not send the consent form.
    await picker.getByLabel('Of zoek de organisatie op de sociale kaart').press('Enter');
    const result = picker.getByRole('listitem').filter({ hasText: 'Budgetcoaching' });
    await result.waitFor();
    expect(await result.innerText()).toMatch(/14 weken, per /);
    await expectAccessible(page, 'consent form, the map\'s results');
    await result.getByRole('button', { name: 'Kies Stichting Rondkomen Heerenveen' }).click();
    await picker.getByText('Gekozen: Stichting Rondkomen Heerenveen, van Budgetcoaching.').waitFor();
    expect(await page.getByLabel('Welke organisatie?').inputValue()).toBe(DEMO_ORGANISATIONS.budgetcoaching);
    await screenshot(page, 'member-consent-from-map', { scrollTo: picker });

    await page.getByRole('checkbox', { name: 'Schulden oplossen', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Geld en schulden', exact: true }).check();
    await page.getByRole('button', { name: 'Toestemming geven' }).click();
    await page.getByText('Uw toestemming voor Stichting Rondkomen Heerenveen is opgeslagen. De toestemming geldt nu.').waitFor();
    const answer = await portal.gateway.graphql<{ consents: { subjectMemberId: string; categories: string[]; purposes: string[]; recipientOrganisation: { id: string } | null }[] }>(
      `query($f: ID!) { consents(familyId: $f) { subjectMemberId categories purposes recipientOrganisation { id } } }`,
      { token: await portal.gateway.tokenFor('marieke'), variables: { f: DEMO_FAMILY_ID } },
    );
    expect(answer.data?.consents).toContainEqual({ subjectMemberId: DEMO_MEMBERS.marieke, categories: ['FINANCES'], purposes: ['DEBT_RESOLUTION'], recipientOrganisation: { id: DEMO_ORGANISATIONS.budgetcoaching } });
  });
});
