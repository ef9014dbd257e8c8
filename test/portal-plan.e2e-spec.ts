/// <reference lib="dom" />
import { DEMO_MEMBERS } from '@kring/demo-world';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, handCaseDirectionBackToWmo, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/** Words of the demo plan (libs/demo-world/src/demo-plan.ts) that tell its items apart. */
const DEMO = {
  words: 'Wij willen weer rust in huis.',
  mariekesGoal: 'Over een jaar hebben we geen achterstanden meer',
  lottesGoal: 'Lotte slaapt weer goed',
  daansGoalNow: 'en ik ben op tijd voor het eerste uur',
  daansGoalBefore: 'Ik ga weer elke dag naar school.',
  sannesShownGoal: 'Ik haal mijn mbo-diploma Zorg en Welzijn.',
  mariekesAction: 'Elke maandag de post openmaken',
  // Outside Marieke's view: Johan's goal (the other parent's, not shown) and Sanne's own (17, kept to herself).
  johansGoal: 'logistiek',
  sannesPrivateGoal: 'op kamers in Leeuwarden',
} as const;

/**
 * The family plan in the portal (issue 16, item 5): "Ons plan" for members at /me/plan, and the
 * plan in the professional's family file. The first test is the Done-when: a newcomer
 * reads the plan as Marieke, adds a goal in her own words and agrees; the WMO case director sees
 * it in the family file and hands case direction to Jeugdhulp; Marieke sees the new director.
 */
/** A section of the page by its heading's id (the section is labelled by it). */
const section = (page: Page, headingId: string): Locator => page.locator(`section[aria-labelledby="${headingId}"]`);
/** The card of the plan item whose words contain `text`. */
const card = (page: Page, text: string): Locator => page.locator('.kring-plan-item').filter({ hasText: text });

describeBrowser('Portal (issue 16): the family plan for members and professionals', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_plan' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** A professional's family file for case coordination, and its plan section. */
  const openFilePlan = async (persona: string): Promise<{ page: Page; plan: Locator }> => {
    const { page } = await portal.newPage();
    await signInAs(page, persona);
    await openFamilyForCaseCoordination(page);
    const plan = section(page, 'file-plan');
    await plan.getByRole('heading', { name: 'Iets toevoegen aan het plan' }).waitFor();
    return { page, plan };
  };

  const openOurPlan = async (persona: string): Promise<Page> => {
    const { page } = await portal.newPage();
    await signInAs(page, persona);
    await menu(page, 'Ons plan');
    await page.getByRole('heading', { level: 1, name: 'Ons plan' }).waitFor();
    await page.getByTestId('plan-agreed').waitFor();
    return page;
  };


  it('Done-when: Marieke adds a goal in her own words and agrees; the WMO case director sees it in the file and hands over to Femke Bakker; Marieke sees Femke Bakker', async () => {
    const goal = 'Ik wil de post weer zelf openmaken, zonder buikpijn.';
    try {
      // A newcomer signs in as Marieke and reads the plan: the family's words first, then goals, actions and the review date.
      const marieke = await openOurPlan('marieke');
      const order = await marieke.locator('main h2').allInnerTexts();
      expect(order.indexOf('In onze eigen woorden')).toBeLessThan(order.indexOf('Doelen'));
      expect(order.indexOf('Doelen')).toBeLessThan(order.indexOf('Afspraken: wie doet wat'));
      expect(await section(marieke, 'plan-words').innerText()).toContain(DEMO.words);
      const goals = await section(marieke, 'plan-goals').innerText();
      for (const text of [DEMO.mariekesGoal, DEMO.lottesGoal, DEMO.daansGoalNow, DEMO.sannesShownGoal, 'Nog bezig']) expect(goals).toContain(text);
      const actions = await section(marieke, 'plan-actions').innerText();
      for (const text of ['Gemeente Heerenveen Team Toegang', 'Schuldhulpverlening Heerenveen', 'Jeugdhulp Friesland', 'Oma Riek, uit de eigen omgeving van het gezin', 'Gepland']) expect(actions).toContain(text);
      expect(await section(marieke, 'plan-review').innerText()).toContain('Het plan wordt opnieuw besproken op');
      // Daan changed his goal after Marieke and the case director agreed: it waits for Daan and a parent again.
      expect(await card(marieke, DEMO.daansGoalNow).innerText()).toContain('Nog niet akkoord');
      expect(await card(marieke, DEMO.daansGoalNow).innerText()).toMatch(/Wacht nog op: .*Daan/);
      expect(await marieke.getByTestId('plan-case-director').innerText()).toBe('Pieter de Jong');
      await expectAccessible(marieke, 'our plan');
      await screenshot(marieke, 'member-plan');

      // Nothing filled in: refused in words at the fields, nothing sent.
      const form = section(marieke, 'plan-add-member-title');
      await form.getByRole('button', { name: 'Toevoegen aan het plan' }).click();
      await form.getByText('Kies over wie het gaat.').first().waitFor();
      await form.getByText('Schrijf iets op, hoogstens 2000 tekens.').first().waitFor();
      await expectAccessible(marieke, 'add to the plan, refused');

      await form.getByRole('radio', { name: 'Een doel' }).check();
      await form.getByRole('checkbox', { name: 'Marieke de Vries (u)' }).check();
      await form.getByLabel('Het doel, in uw eigen woorden').fill(goal);
      await screenshot(marieke, 'member-plan-add-goal', { scrollTo: form });
      await form.getByRole('button', { name: 'Toevoegen aan het plan' }).click();
      await form.getByText('Het staat in het plan.').waitFor();
      await card(marieke, goal).waitFor();
      // Her own goal sits with her goals, open, written by the family.
      const mine = section(marieke, 'plan-goals').locator('.kring-plan-group').filter({ has: marieke.getByRole('heading', { name: 'Marieke de Vries (u)' }) });
      expect(await mine.innerText()).toContain(goal);
      expect(await card(marieke, goal).innerText()).toContain('Het gezin');

      await marieke.getByRole('button', { name: 'Ik ga akkoord met het plan' }).click();
      await marieke.getByText('U bent akkoord met het plan. Dank u wel.').waitFor();
      await marieke.getByTestId('plan-my-agreement').filter({ hasText: /^U gaf akkoord op / }).waitFor();
      // Her agreement is there; the case director's for her new goal is not yet.
      await card(marieke, goal).filter({ hasText: 'Wacht nog op: de casusregisseur (Pieter de Jong).' }).waitFor();
      await expectAccessible(marieke, 'our plan after agreeing');

      // The WMO case director opens the De Vries family file and sees her goal in the plan.
      const { page: wmo, plan } = await openFilePlan('wmo');
      await card(wmo, goal).waitFor();
      expect(await card(wmo, goal).innerText()).toContain('Marieke de Vries');
      // What the family did not share with Team Toegang for this purpose is there as "not shared", with the reason.
      expect(await wmo.getByTestId('file-plan-redaction-count').innerText()).toMatch(/delen? van het plan niet gedeeld/);
      expect(await plan.innerText()).toContain('Niet gedeeld');
      expect(await plan.innerText()).toContain('Het gezin heeft hiervoor geen toestemming gegeven.');
      expect(await plan.innerText()).not.toContain(DEMO.sannesPrivateGoal);
      // The case director's own tools: the review date and the agreement.
      await plan.getByRole('button', { name: 'Evaluatiedatum opslaan' }).waitFor();
      await plan.getByRole('button', { name: 'Akkoord geven namens de hulpverleners' }).waitFor();
      await expectAccessible(wmo, 'family file with the plan');
      await screenshot(wmo, 'professional-plan', { scrollTo: plan });

      // Then hands case direction to Jeugdhulp (Femke Bakker), with a note.
      await wmo.getByLabel('Nieuwe casusregisseur').selectOption({ label: 'Femke Bakker (Jeugdhulp Friesland)' });
      await wmo.getByLabel('Bericht voor de nieuwe regisseur en het gezin').fill('Femke kent Daan al goed. Het plan van Marieke staat klaar om samen te bespreken.');
      await wmo.getByRole('button', { name: 'Casusregie overdragen' }).click();
      await wmo.getByText('De casusregie is overgedragen aan Femke Bakker.').waitFor();
      // No longer the case director: the plan's tools for case direction are gone.
      await plan.getByRole('button', { name: 'Evaluatiedatum opslaan' }).waitFor({ state: 'detached' });

      // Marieke, signed in again, sees the new case director by name, whose agreement her plan now waits for.
      const again = await openOurPlan('marieke');
      await again.getByTestId('plan-case-director').filter({ hasText: 'Femke Bakker' }).waitFor();
      await card(again, goal).filter({ hasText: 'Wacht nog op: de casusregisseur (Femke Bakker).' }).waitFor();
      await expectAccessible(again, 'our plan after a handover');
      await screenshot(again, 'member-plan-new-case-director', { scrollTo: again.locator('#plan-agreement') });
    } finally {
      await handCaseDirectionBackToWmo(portal, 'jeugdhulp');
    }
  }, 180_000); // three sign-ins, two forms and a handover, each checked with axe: longer than a one-page test

  it("Marieke's plan names no one outside her reach: not Johan's goal, not Sanne's own goal, not their names", async () => {
    const page = await openOurPlan('marieke');
    const text = await page.locator('main').innerText();
    for (const absent of [DEMO.johansGoal, DEMO.sannesPrivateGoal, 'Johan', 'Sanne']) expect(text).not.toContain(absent);
    // Sanne's goal she showed to the whole family is there, under "shared by others", naming her as "a family member".
    const others = section(page, 'plan-goals').locator('.kring-plan-group').filter({ has: page.getByRole('heading', { name: 'Gedeeld door anderen in het gezin' }) });
    expect(await others.innerText()).toContain(DEMO.sannesShownGoal);
    // The versions are those of her own view, counted 1, 2, 3: as many rows as the API says she has.
    const answer = await portal.gateway.graphql<{ ourPlan: { latestVersion: number } }>(`{ ourPlan { latestVersion } }`, { token: await portal.gateway.tokenFor('marieke') });
    expect(await section(page, 'plan-versions').locator('tbody tr').count()).toBe(answer.data?.ourPlan.latestVersion);
  });

  it('Marieke looks at the version before Daan changed his goal, read-only, and goes back to the plan as it is now', async () => {
    const page = await openOurPlan('marieke');
    const versions = section(page, 'plan-versions');
    const change = versions.locator('tbody tr').filter({ hasText: 'Doel veranderd' }).filter({ hasText: 'Daan' });
    const changed = Number(await change.locator('td').first().innerText());
    await versions.getByRole('link', { name: `Versie ${changed - 1} bekijken` }).click();
    await page.getByTestId('plan-earlier-version').waitFor();
    expect(await page.getByTestId('plan-earlier-version').innerText()).toContain(`versie ${changed - 1} van`);
    expect(await section(page, 'plan-goals').innerText()).toContain(DEMO.daansGoalBefore);
    expect(await section(page, 'plan-goals').innerText()).not.toContain(DEMO.daansGoalNow);
    // An earlier version is only for reading.
    expect(await page.getByRole('button', { name: 'Toevoegen aan het plan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ik ga akkoord met het plan' }).count()).toBe(0);
    await expectAccessible(page, 'our plan, an earlier version');
    await screenshot(page, 'member-plan-earlier-version');
    await page.getByRole('link', { name: 'Terug naar het plan van nu' }).click();
    await card(page, DEMO.daansGoalNow).waitFor();
    expect(await page.getByTestId('plan-earlier-version').count()).toBe(0);
  });

  it("Marieke marks her own action done, shows Lotte's goal to the whole family and takes it back", async () => {
    const page = await openOurPlan('marieke');
    const action = card(page, DEMO.mariekesAction);
    await action.getByLabel('Hoe staat het ervoor?').selectOption({ label: 'Gedaan' });
    await action.getByRole('button', { name: 'Status opslaan' }).click();
    await action.getByText('De status is veranderd.').waitFor();
    await action.locator('.utrecht-badge-status').filter({ hasText: 'Gedaan' }).waitFor();

    const lotte = card(page, DEMO.lottesGoal);
    await lotte.getByRole('button', { name: 'Laat dit aan het hele gezin zien' }).click();
    await lotte.getByText('Het hele gezin ziet dit nu.').waitFor();
    // Sanne (17) now reads Lotte's goal too: it is shown to the whole family.
    const sanne = await portal.gateway.graphql<{ ourPlan: { items: { text: string }[] } }>(`{ ourPlan { items { text } } }`, { token: await portal.gateway.tokenFor('sanne') });
    expect(sanne.data?.ourPlan.items.map((i) => i.text).join('\n')).toContain(DEMO.lottesGoal);
    await expectAccessible(page, 'our plan, an item shown to the family');

    await lotte.getByRole('button', { name: 'Niet meer aan het hele gezin laten zien' }).click();
    await lotte.getByText('Het hele gezin ziet dit niet meer.').waitFor();
    const after = await portal.gateway.graphql<{ ourPlan: { items: { text: string }[] } }>(`{ ourPlan { items { text } } }`, { token: await portal.gateway.tokenFor('sanne') });
    expect(after.data?.ourPlan.items.map((i) => i.text).join('\n')).not.toContain(DEMO.lottesGoal);
  });

  it("a refusal of the API is shown at the field it names: a goal about Johan is outside Marieke's reach", async () => {
    const page = await openOurPlan('marieke');
    // The page offers only her reach; the request is changed on its way, so the API itself refuses.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('WritePlanItem')) return route.continue();
      const request = JSON.parse(body) as { variables: { input: { subjectMemberIds: string[] } } };
      request.variables.input.subjectMemberIds = [DEMO_MEMBERS.johan];
      return route.continue({ postData: JSON.stringify(request) });
    });
    const form = section(page, 'plan-add-member-title');
    await form.getByRole('checkbox', { name: 'Marieke de Vries (u)' }).check();
    await form.getByLabel('Het doel, in uw eigen woorden').fill('Een doel dat over iemand anders gaat.');
    await form.getByRole('button', { name: 'Toevoegen aan het plan' }).click();
    // At the question "Over wie gaat het?", which is marked invalid and takes focus.
    const subjects = form.locator('fieldset').filter({ has: page.locator('legend', { hasText: 'Over wie gaat het?' }) });
    await subjects.locator('.utrecht-form-field-error-message').filter({ hasText: 'U schrijft in het plan over uzelf, en over kinderen jonger dan 16 over wie u het gezag heeft.' }).waitFor();
    expect(await page.evaluate(() => [document.activeElement?.getAttribute('name'), document.activeElement?.getAttribute('aria-invalid')])).toEqual(['plan-add-member-subjects', 'true']);
    await expectAccessible(page, 'add to the plan, refused by the API');
  });

  it("a professional adds their organisation's action; a professional who does not direct the case has no case director's tools", async () => {
    const { page, plan } = await openFilePlan('schuldhulp');
    expect(await plan.getByRole('button', { name: 'Evaluatiedatum opslaan' }).count()).toBe(0);
    expect(await plan.getByRole('button', { name: 'Akkoord geven namens de hulpverleners' }).count()).toBe(0);

    const text = 'Samen met Marieke een overzicht van alle vaste lasten maken.';
    await plan.getByRole('radio', { name: 'Een afspraak van uw organisatie' }).check();
    await plan.getByRole('checkbox', { name: 'Marieke de Vries' }).check();
    await plan.getByLabel('Wat doet uw organisatie?').fill(text);
    await plan.getByLabel('Gaat het ook over een van deze onderwerpen?').selectOption({ label: 'Geld en schulden' });
    await plan.getByRole('button', { name: 'Toevoegen aan het plan' }).click();
    await plan.getByText('Het staat in het plan.').waitFor();
    const added = card(page, text);
    await added.waitFor();
    const words = await added.innerText();
    for (const expected of ['Schuldhulpverlening Heerenveen', 'Geld en schulden', 'Gepland']) expect(words).toContain(expected);
    // Their organisation's own item: they may change its status.
    await added.getByLabel('Hoe staat het ervoor?').waitFor();
    await expectAccessible(page, 'family file, an action added to the plan');
  });

  it('the case director sets the review date and agrees for the professionals', async () => {
    const { page, plan } = await openFilePlan('wmo');
    await plan.getByLabel('Datum van de evaluatie').fill('2031-03-14');
    await plan.getByRole('button', { name: 'Evaluatiedatum opslaan' }).click();
    await plan.getByText('De evaluatiedatum staat in het plan.').waitFor();
    await plan.getByText('Het plan wordt opnieuw besproken op 14 maart 2031.').waitFor();
    await plan.getByRole('button', { name: 'Akkoord geven namens de hulpverleners' }).click();
    await plan.getByText('U gaf akkoord op het plan zoals het nu is.').waitFor();
    await plan.getByRole('button', { name: 'Akkoord intrekken' }).waitFor();
    await expectAccessible(page, 'family file, the case director agreed');
  });

  it('both plan pages pass axe in English', async () => {
    const member = await openOurPlan('daan');
    await member.getByRole('button', { name: 'Switch to English' }).click();
    await member.getByRole('heading', { level: 1, name: 'Our plan' }).waitFor();
    await member.getByRole('heading', { name: 'Agreement with the plan' }).waitFor();
    await expectAccessible(member, 'our plan (en, daan)');

    const { page: professional, plan } = await openFilePlan('jeugdhulp');
    await professional.getByRole('button', { name: 'Switch to English' }).click();
    await plan.getByRole('heading', { name: 'Family plan' }).waitFor();
    await plan.getByRole('heading', { name: 'Add to the plan' }).waitFor();
    await expectAccessible(professional, 'family file with the plan (en, jeugdhulp)');
  });
});
