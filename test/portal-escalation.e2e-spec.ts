/// <reference lib="dom" />
import { DEMO_MEMBERS } from '@kring/demo-world';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/** The demo escalation (libs/demo-world/src/demo-escalation.ts): Pieter de Jong's, about Marieke, taken on by Marloes Dijkstra. */
const DEMO_BLOCKS = 'De wachtlijst voor budgetcoaching is 14 weken. Marieke heeft de coach nu nodig';

/** The card of the escalation whose words (or anything else on it) contain `text`. */
const card = (page: Page, text: string): Locator => page.getByTestId('escalation').filter({ hasText: text });

/**
 * Escalation (doorbraak) in the portal (issue 17, item 3): Marieke asks for a breakthrough on
 * "Vastgelopen?", the team lead takes it on and decides in the queue, Marieke reads the decision;
 * the family file shows the family's escalations as the rule allows; the officers read the figures
 * as a chart and a table. Every page is checked with axe.
 */
describeBrowser('Portal (issue 17): escalation for members, professionals, team leads and officers', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_escalation' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const ask = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await portal.gateway.graphql<T>(query, { token: await portal.gateway.tokenFor(persona), variables });
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };

  const openQueue = async (): Promise<Page> => {
    const { page } = await portal.newPage();
    await signInAs(page, 'teamleider');
    await menu(page, 'Doorbraak');
    await page.getByRole('heading', { level: 1, name: 'Doorbraak: vragen van gezinnen' }).waitFor();
    return page;
  };

  it('Done-when: Marieke asks for a breakthrough on her page; the team lead takes it on and decides with a budget; Marieke reads the decision', async () => {
    const blocks = 'De wachtlijst voor budgetcoaching is 14 weken. Zo lang kan ik niet wachten met de rekeningen.';
    const tried = 'Ik heb de schuldhulp en de thuisadministratie gebeld. Allebei zitten ze vol tot maart.';
    const { page: marieke } = await portal.newPage();
    await signInAs(marieke, 'marieke');
    await menu(marieke, 'Vastgelopen?');
    await marieke.getByRole('heading', { level: 1, name: 'Vastgelopen?' }).waitFor();
    await marieke.getByRole('heading', { name: 'Uw vragen om een doorbraak' }).waitFor();
    await expectAccessible(marieke, 'Vastgelopen?');

    // Nothing filled in: refused in words at each question, nothing sent.
    await marieke.getByRole('button', { name: 'Doorbraak vragen' }).click();
    await marieke.getByText('Kies minstens één persoon.').first().waitFor();
    await marieke.getByText('Kies wat het tegenhoudt.').first().waitFor();
    expect(await marieke.getByText('Schrijf minstens 10 en hoogstens 2000 tekens.').count()).toBe(2);
    await expectAccessible(marieke, 'Vastgelopen?, refused');

    await marieke.getByRole('checkbox', { name: 'Marieke de Vries (u)' }).check();
    await marieke.getByRole('radio', { name: 'Een regeling' }).check();
    await marieke.getByLabel('Welke regeling is het, en wat gaat er mis?').fill(blocks);
    await marieke.getByLabel('Wat is al geprobeerd?').fill(tried);
    await expectAccessible(marieke, 'Vastgelopen?, filled in');
    await marieke.getByRole('button', { name: 'Doorbraak vragen' }).click();
    await marieke.getByText(/Uw vraag is verstuurd\. De teamleiders lezen hem\. Er moet een besluit zijn op \d+ \w+ \d{4}\./).waitFor();
    const mine = card(marieke, blocks);
    await mine.waitFor();
    const raised = await mine.innerText();
    for (const text of ['De situatie zit vast', 'Wacht op een teamleider', 'Marieke de Vries (u)', 'Een regeling', tried, 'Besluit uiterlijk op', 'Nog niemand']) expect(raised).toContain(text);
    await screenshot(marieke, 'member-escalations', { scrollTo: mine });

    // The team lead: the queue, oldest first; the demo escalation (older) comes before Marieke's.
    const lead = await openQueue();
    const hers = card(lead, blocks);
    await hers.waitFor();
    const cards = await lead.getByTestId('escalation').allInnerTexts();
    expect(cards.findIndex((c) => c.includes(DEMO_BLOCKS))).toBeLessThan(cards.findIndex((c) => c.includes(blocks)));
    expect(await hers.innerText()).toContain(`een gezinslid (${DEMO_MEMBERS.marieke})`);
    await expectAccessible(lead, 'escalation queue');
    await hers.getByRole('button', { name: 'Oppakken' }).click();
    await hers.getByRole('heading', { name: 'Besluit nemen' }).waitFor();
    expect(await hers.innerText()).toContain('Marloes Dijkstra, Gemeente Heerenveen Team Toegang');
    await expect(hers.getAttribute('data-status')).resolves.toBe('TAKEN_ON');

    // Checked first, in words: texts too short, a budget that is no amount.
    await hers.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await hers.getByText('Niet alles is goed ingevuld.').waitFor();
    await hers.getByLabel('Budget in euro (niet verplicht)').fill('veel geld');
    await hers.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await hers.getByText('Schrijf een bedrag van 0 tot 1.000.000 euro, met hoogstens twee cijfers achter de komma.').waitFor();
    await expectAccessible(lead, 'decision form, refused');

    const decision = 'Marieke krijgt deze week een budgetcoach van het wijkteam, tot de wachtlijst voorbij is.';
    await hers.getByLabel('Wat besluit u?').fill(decision);
    await hers.getByLabel('Wat zet u opzij? (niet verplicht)').fill('De volgorde van de wachtlijst voor budgetcoaching.');
    await hers.getByLabel('Op wiens gezag?').fill('Mandaat van de teamleider Wmo, doorbraakregeling 2025.');
    await hers.getByLabel('Budget in euro (niet verplicht)').fill('1.250,50');
    await expectAccessible(lead, 'decision form, filled in');
    await screenshot(lead, 'team-lead-decide-escalation', { scrollTo: hers });
    await hers.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await lead.getByText('Het besluit is vastgelegd. Het gezin kan het nu lezen.').waitFor();
    // Decided, it leaves the queue.
    await card(lead, blocks).waitFor({ state: 'detached' });

    await marieke.reload();
    await signInAs(marieke, 'marieke');
    await menu(marieke, 'Vastgelopen?');
    const decided = card(marieke, blocks);
    await decided.getByTestId('escalation-decision').waitFor();
    const words = await decided.innerText();
    for (const text of ['Besloten', 'Marloes Dijkstra (Gemeente Heerenveen Team Toegang) besloot op', decision, 'De volgorde van de wachtlijst', 'Mandaat van de teamleider Wmo']) expect(words).toContain(text);
    expect(words).toMatch(/€\s1\.250,50/); // 1250.50 euro, sent as 125050 cents
    expect(words).not.toContain('Te laat');
    await expectAccessible(marieke, 'Vastgelopen? with a decision');
    await screenshot(marieke, 'member-escalation-decided', { scrollTo: decided });

    await marieke.getByRole('button', { name: 'Switch to English' }).click();
    await marieke.getByRole('heading', { level: 1, name: 'Stuck?' }).waitFor();
    expect(await card(marieke, blocks).innerText()).toContain('€1,250.50');
    await expectAccessible(marieke, 'Stuck?, English');
  }, 240_000); // two people, four forms and seven axe checks: longer than a one-page test

  it('a refusal of the API is shown in the decision form in words: the escalation was decided meanwhile', async () => {
    const blocks = 'De gemeente wil de bijzondere bijstand pas betalen als de schuldhulp rond is.';
    const { raiseEscalation: raised } = await ask<{ raiseEscalation: { id: string } }>('marieke', `mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id } }`, {
      input: { subjectMemberIds: [DEMO_MEMBERS.marieke], blockingKind: 'RULE', blocks, tried: 'Twee keer gebeld met de afdeling bijzondere bijstand.' },
    });
    await ask('teamleider', `mutation($id: ID!) { takeOnEscalation(id: $id) { id } }`, { id: raised.id });

    const lead = await openQueue();
    const hers = card(lead, blocks);
    await hers.getByRole('heading', { name: 'Besluit nemen' }).waitFor();
    // Meanwhile, in another window, the decision is recorded.
    await ask('teamleider', `mutation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id } }`, {
      input: { escalationId: raised.id, decision: 'De bijstand wordt nu betaald.', authority: 'Mandaat van de teamleider.' },
    });
    await hers.getByLabel('Wat besluit u?').fill('Een besluit dat te laat komt.');
    await hers.getByLabel('Op wiens gezag?').fill('Mandaat van de teamleider.');
    await hers.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await hers.getByText('Over deze vraag is al besloten. Een besluit is definitief.').waitFor();
    expect(await hers.innerText()).toContain('(BAD_USER_INPUT)');
    await expectAccessible(lead, 'decision form, refused by the API');
    await lead.getByRole('button', { name: 'Switch to English' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Breakthrough: requests from families' }).waitFor();
    await expectAccessible(lead, 'escalation queue, English');
  }, 120_000);

  it('the family file shows the family\'s escalations as the rule allows: Team Toegang reads its own, Jeugdhulp sees it closed with the reason; a professional raises one', async () => {
    const { page: wmo } = await portal.newPage();
    await signInAs(wmo, 'wmo');
    await openFamilyForCaseCoordination(wmo);
    const section = wmo.locator('section[aria-labelledby="file-escalations"]');
    const demo = card(wmo, DEMO_BLOCKS);
    await demo.waitFor();
    const own = await demo.innerText();
    for (const text of ['Pieter de Jong, Gemeente Heerenveen Team Toegang', 'Een regeling', 'Een teamleider werkt eraan', 'Marloes Dijkstra']) expect(own).toContain(text);
    await expectAccessible(wmo, 'family file with escalations');

    const blocks = 'De Participatiewet staat geen vrijlating van inkomsten toe voor de bijbaan van Sanne.';
    await section.getByRole('checkbox', { name: 'Sanne de Vries' }).check();
    await section.getByRole('radio', { name: 'Een regel', exact: true }).check();
    await section.getByLabel('Welke regel is het, en wat gaat er mis?').fill(blocks);
    await section.getByLabel('Wat is al geprobeerd?').fill('Overlegd met de consulent van Participatie Heerenveen; die kan er niets aan doen.');
    expect(await section.getByLabel('Doel', { exact: true }).inputValue()).toBe('CASE_COORDINATION');
    await expectAccessible(wmo, 'family file, raising an escalation');
    await screenshot(wmo, 'professional-escalations', { scrollTo: section });
    await section.getByRole('button', { name: 'Doorbraak vragen' }).click();
    await section.getByText(/Uw vraag is verstuurd\./).waitFor();
    await card(wmo, blocks).waitFor();
    expect(await card(wmo, blocks).innerText()).toContain('Wacht op een teamleider');

    const { page: jeugdhulp } = await portal.newPage();
    await signInAs(jeugdhulp, 'jeugdhulp');
    await openFamilyForCaseCoordination(jeugdhulp);
    const closed = jeugdhulp.getByTestId('escalation').filter({ hasText: 'Pieter de Jong' }).first();
    await closed.waitFor();
    const text = await closed.innerText();
    expect(text).toContain('Niet gedeeld');
    expect(text).toContain('Het gezin heeft hiervoor geen toestemming gegeven.');
    expect(text).not.toContain('budgetcoaching');
    await expectAccessible(jeugdhulp, 'family file with a closed escalation');
  }, 150_000); // two family files, a form, and four axe checks

  it('the chain privacy officer reads the figures per organisation as a chart and as a table, in Dutch and English', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'keten-fg');
    await menu(page, 'Doorbraakcijfers');
    await page.getByRole('heading', { level: 1, name: 'Doorbraakcijfers' }).waitFor();
    const chart = page.getByTestId('escalation-figures-chart');
    const summary = await chart.getByRole('img').getAttribute('aria-label');
    expect(summary).toMatch(/^Staafdiagram: vragen om een doorbraak per organisatie/);
    expect(summary).toContain('Gemeente Heerenveen Team Toegang:');
    await expectAccessible(page, 'escalation figures');
    await page.getByRole('button', { name: 'Toon de cijfers als tabel' }).click();
    const row = page.getByTestId('escalation-figures-table').getByRole('row').filter({ hasText: 'Gemeente Heerenveen Team Toegang' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // Raised, open, taken on, decided, taken on by this organisation, overdue, decided late, median, p90.
    expect(cells).toHaveLength(9);
    expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
    expect(Number(cells[0])).toBe(Number(cells[1]) + Number(cells[2]) + Number(cells[3]));
    await expectAccessible(page, 'escalation figures with the table');
    await screenshot(page, 'officer-escalation-figures');

    // A period the API refuses (the end before the start) is said at the question.
    await page.getByLabel('Gevraagd tot en met').fill('2020-01-01');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.getByText('Kies twee datums; de tweede niet vóór de eerste, hoogstens tien jaar uit elkaar.').waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Breakthrough figures' }).waitFor();
    await expectAccessible(page, 'escalation figures, English');
  }, 120_000);

  it('the old address of the requests for another case director opens the queue, filtered to those requests, oldest first, with the member\'s reason', async () => {
    const older = 'Ik voel me niet gehoord in de gesprekken met Team Toegang.';
    const newer = 'Ik wil graag iemand die mij en mijn school goed kent.';
    await ask('marieke', `mutation($reason: String!) { requestOtherCaseDirector(reason: $reason) { id } }`, { reason: older });
    await ask('daan', `mutation($reason: String!) { requestOtherCaseDirector(reason: $reason) { id } }`, { reason: newer });

    const { page } = await portal.newPage();
    await page.goto('/case-director-requests');
    await page.getByRole('button', { name: 'Inloggen als teamleider', exact: true }).click();
    await page.getByText('U ziet alleen de vragen om een andere casusregisseur.').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/escalations?kind=OTHER_CASE_DIRECTOR');
    await card(page, newer).waitFor();
    const cards = await page.getByTestId('escalation').allInnerTexts();
    expect(cards.every((c) => c.includes('Vraag om een andere casusregisseur'))).toBe(true);
    expect(cards.some((c) => c.includes(DEMO_BLOCKS))).toBe(false);
    const at = (text: string) => cards.findIndex((c) => c.includes(text));
    expect(at(older)).toBeLessThan(at(newer));
    expect(cards[at(newer)]).toContain(DEMO_MEMBERS.daan);
    expect(cards[at(older)]).toContain(DEMO_MEMBERS.marieke);
    await expectAccessible(page, 'queue of requests for another case director');
    await screenshot(page, 'team-lead-case-director-requests');
    await page.getByRole('link', { name: 'Alle vragen tonen' }).click();
    await card(page, DEMO_BLOCKS).waitFor();
  });
});
