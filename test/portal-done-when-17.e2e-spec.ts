/// <reference lib="dom" />
import { DEMO_FAMILY_ID } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const BUDGET_TOPIC = 'Het budgetplan van Marieke';

/**
 * Issue 17's "Done when", tried as its people would, one story in one browser: the debt
 * counsellor posts in the budget thread from the family file; Marieke, signed in with the
 * thread open, sees it arrive without reloading and answers; the youth-care professional, not
 * taking part, cannot read it; Marieke escalates that the waiting list for budget coaching is
 * 14 weeks; the team lead takes it on and decides; Marieke sees the decision. Screenshots
 * `docs/screenshots/done-when-17-*.png` (with KRING_SCREENSHOTS=1).
 */
describeBrowser('Portal (issue 17, done when): messages around the family and a breakthrough', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_done_when_17' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const messageWith = (page: Page, text: string) => page.locator('.kring-message').filter({ hasText: text });

  it('the debt counsellor posts, Marieke sees it arrive live and answers, youth care cannot read it; Marieke escalates, the team lead takes it on and decides, Marieke reads the decision', async () => {
    // Marieke has the budget thread open before anything is posted.
    const { page: marieke } = await portal.newPage();
    await signInAs(marieke, 'marieke');
    await menu(marieke, 'Berichten');
    await marieke.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await marieke.getByRole('link', { name: BUDGET_TOPIC }).click();
    await marieke.getByRole('heading', { level: 1, name: BUDGET_TOPIC }).waitFor();
    await marieke.getByText('Nieuwe berichten verschijnen vanzelf.').waitFor();
    await marieke.evaluate(() => {
      (window as unknown as { kringSamePage: boolean }).kringSamePage = true;
    });

    // Anouk Visser (debt assistance) posts from the family file.
    const counsellorText = `Marieke, de schuldeisers hebben het betalingsvoorstel ontvangen.`;
    const { page: anouk } = await portal.newPage();
    await signInAs(anouk, 'schuldhulp');
    await openFamilyForCaseCoordination(anouk);
    await anouk.locator('section[aria-labelledby="file-messages"]').getByRole('link', { name: BUDGET_TOPIC }).click();
    await anouk.getByRole('heading', { level: 2, name: BUDGET_TOPIC }).waitFor();
    await anouk.getByLabel('Uw bericht').fill(counsellorText);
    await anouk.getByRole('button', { name: 'Versturen' }).click();
    await messageWith(anouk, counsellorText).waitFor();
    await screenshot(anouk, 'done-when-17-counsellor-posts', { scrollTo: messageWith(anouk, counsellorText) });

    // It arrives on Marieke's open page, without a reload, and is read out politely.
    await messageWith(marieke, counsellorText).waitFor({ timeout: 10_000 });
    expect(await marieke.evaluate(() => (window as unknown as { kringSamePage?: boolean }).kringSamePage)).toBe(true);
    expect(await marieke.getByTestId('thread-arrived').innerText()).toContain(counsellorText);
    await expectAccessible(marieke, 'Marieke\'s thread after a live arrival');
    await screenshot(marieke, 'done-when-17-arrives-live', { scrollTo: messageWith(marieke, counsellorText) });

    const answer = `Dank je Anouk, dan wacht ik op de reactie.`;
    await marieke.getByLabel('Uw bericht').fill(answer);
    await marieke.getByRole('button', { name: 'Versturen' }).click();
    await messageWith(marieke, answer).waitFor();
    // Her answer reaches Anouk's open thread too.
    await messageWith(anouk, answer).waitFor({ timeout: 10_000 });

    // Femke Bakker (youth care) does not take part: the file lists no thread, and the API says none exists.
    const { page: femke } = await portal.newPage();
    await signInAs(femke, 'jeugdhulp');
    await openFamilyForCaseCoordination(femke);
    const section = femke.locator('section[aria-labelledby="file-messages"]');
    await section.waitFor();
    expect(await section.getByRole('link', { name: BUDGET_TOPIC }).count()).toBe(0);
    expect(await femke.locator('body').innerText()).not.toContain(counsellorText);
    const token = await portal.gateway.tokenFor('jeugdhulp');
    const threads = await portal.gateway.graphql<{ familyThreads: { topic: string | null }[] }>(`query($id: ID!) { familyThreads(familyId: $id) { id topic } }`, { token, variables: { id: DEMO_FAMILY_ID } });
    expect(JSON.stringify(threads)).not.toContain(BUDGET_TOPIC);
    const marieksThreads = await portal.gateway.graphql<{ ourThreads: { id: string; topic: string }[] }>(`{ ourThreads { id topic } }`, { token: await portal.gateway.tokenFor('marieke') });
    const budget = marieksThreads.data?.ourThreads.find((th) => th.topic === BUDGET_TOPIC);
    const page = await portal.gateway.graphql(`query($id: ID!) { threadMessages(threadId: $id) { edges { node { body } } } }`, { token, variables: { id: budget?.id } });
    expect(page.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(page)).not.toContain(counsellorText);

    // Marieke escalates: the waiting list for budget coaching is 14 weeks.
    const blocks = `De wachtlijst voor budgetcoaching is 14 weken; zo lang kunnen de rekeningen niet wachten.`;
    await menu(marieke, 'Vastgelopen?');
    await marieke.getByRole('heading', { level: 1, name: 'Vastgelopen?' }).waitFor();
    await marieke.getByRole('checkbox', { name: 'Marieke de Vries (u)' }).check();
    await marieke.getByRole('radio', { name: 'Een regeling' }).check();
    await marieke.getByLabel('Welke regeling is het, en wat gaat er mis?').fill(blocks);
    await marieke.getByLabel('Wat is al geprobeerd?').fill('Ik heb de schuldhulp en de thuisadministratie gebeld; allebei zitten ze vol.');
    await marieke.getByRole('button', { name: 'Doorbraak vragen' }).click();
    const mine = marieke.getByTestId('escalation').filter({ hasText: blocks });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('Wacht op een teamleider');
    await screenshot(marieke, 'done-when-17-escalates', { scrollTo: mine });

    // Marloes Dijkstra, team lead, takes it on and decides.
    const { page: lead } = await portal.newPage();
    await signInAs(lead, 'teamleider');
    await menu(lead, 'Doorbraak');
    const hers = lead.getByTestId('escalation').filter({ hasText: blocks });
    await hers.waitFor();
    await hers.getByRole('button', { name: 'Oppakken' }).click();
    await hers.getByRole('heading', { name: 'Besluit nemen' }).waitFor();
    const decision = 'Marieke krijgt deze week een budgetcoach van het wijkteam, tot de wachtlijst voorbij is.';
    await hers.getByLabel('Wat besluit u?').fill(decision);
    await hers.getByLabel('Op wiens gezag?').fill('Mandaat van de teamleider Wmo, doorbraakregeling.');
    await hers.getByLabel('Budget in euro (niet verplicht)').fill('800');
    await screenshot(lead, 'done-when-17-team-lead-decides', { scrollTo: hers });
    await hers.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await lead.getByText('Het besluit is vastgelegd. Het gezin kan het nu lezen.').waitFor();

    // Marieke reads the decision.
    await marieke.reload();
    await signInAs(marieke, 'marieke');
    await menu(marieke, 'Vastgelopen?');
    const decided = marieke.getByTestId('escalation').filter({ hasText: blocks });
    await decided.getByTestId('escalation-decision').waitFor();
    const words = await decided.innerText();
    for (const text of ['Besloten', 'Marloes Dijkstra', decision]) expect(words).toContain(text);
    expect(words).toMatch(/€\s800/);
    await expectAccessible(marieke, 'the decision on Vastgelopen?');
    await screenshot(marieke, 'done-when-17-decision', { scrollTo: decided });
  }, 300_000);
});
