/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_PROFESSIONALS as P } from '@kring/demo-world';
import { describeBrowser, expectAccessible, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/** A flow signs in, walks the page and checks it with axe several times: on two cores this takes a while. */
const FLOW_TIMEOUT_MS = 120_000;

/** Daan's BSN in the demo world (libs/demo-world/src/demo-world.ts). */
const DAAN_BSN = '456781006';

/**
 * Issue 19, item 3: the officer without ids. The chain privacy officer finds "who read Daan's
 * data" by his BSN, without typing an id; the URL keeps ids only; one click on a row narrows the
 * log to that professional, or to that family.
 */
describeBrowser("Portal: the privacy officer's lookup", () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_officer_lookup' });
    // Youth care and Team Toegang read the demo family: entries about Daan by two professionals.
    for (const persona of ['jeugdhulp', 'wmo']) {
      const read = await portal.gateway.graphql(`query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { id } }`, { token: await portal.gateway.tokenFor(persona) });
      expect(read.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await portal?.close();
  });

  it("finds who read Daan's data by his BSN, and one click on a row filters on its professional, then on its family", async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'keten-fg');
    await page.waitForURL('**/access-log');
    await page.getByTestId('log-row').first().waitFor();

    // A BSN failing the elfproef is refused next to the field, in words.
    await page.getByLabel('BSN of naam').fill('123456789');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByText('Dit is geen geldig BSN.').waitFor();
    await expectAccessible(page, 'lookup, BSN refused');

    await page.getByLabel('BSN of naam').fill(DAAN_BSN);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByTestId('lookup-member').first().waitFor();
    expect(await page.getByTestId('lookup-member').allInnerTexts()).toEqual([expect.stringContaining('Daan de Vries')]);
    await expectAccessible(page, 'lookup, found');
    await page.getByRole('button', { name: 'Filter op Daan de Vries' }).click();

    // The URL holds Daan's id, never his name or BSN; the filter shows his name beside the id.
    await page.waitForURL(/memberId=/);
    const url = decodeURIComponent(page.url());
    expect(url).toContain(`memberId=${M.daan}`);
    expect(url).not.toMatch(/Daan|456781006/);
    expect(await page.getByLabel('Gezinslid (id)').inputValue()).toBe(M.daan);
    expect(await page.getByTestId('filter-name-memberId').innerText()).toBe('Daan de Vries');

    // Who read Daan's data: every row is about Daan (named, as looked up), and both professionals who read the file are there.
    await page.waitForFunction((daan) => {
      const rows = [...document.querySelectorAll('[data-testid="log-row"]')];
      return document.querySelector('[data-testid="log-count"]') !== null && rows.length > 0 && rows.every((row) => row.querySelector(`[data-testid="filter-member-${daan}"]`) !== null);
    }, M.daan);
    const rows = page.getByTestId('log-row');
    expect(await rows.getByTestId(`filter-member-${M.daan}`).first().innerText()).toContain('Daan de Vries');
    const table = await page.locator('.kring-log-table').innerText();
    expect(table).toContain('Femke Bakker');
    expect(table).toContain('Pieter de Jong');
    await expectAccessible(page, 'access log, filtered on Daan');
    await screenshot(page, 'officer-lookup', { scrollTo: page.locator('#officer-filter') });

    // One click on Femke Bakker's name in a row: the log narrows to her reads of Daan's data.
    await rows.getByTestId(`filter-professional-${P.jeugdhulp}`).first().click();
    await page.waitForURL(new RegExp(`professionalId=${P.jeugdhulp}`));
    expect(page.url()).toContain(`memberId=${M.daan}`);
    expect(await page.getByLabel('Hulpverlener (id)').inputValue()).toBe(P.jeugdhulp);
    expect(await page.getByTestId('filter-name-professionalId').innerText()).toBe('Femke Bakker');
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('[data-testid="log-row"]')];
      return shown.length > 0 && shown.every((row) => row.textContent?.includes('Femke Bakker') === true && row.textContent.includes('Pieter de Jong') === false);
    });

    // And one click on the family of a row: the family joins the filter, named as the officer looked it up.
    await rows.getByTestId(`filter-family-${DEMO_FAMILY_ID}`).first().click();
    await page.waitForURL(new RegExp(`familyId=${DEMO_FAMILY_ID}`));
    expect(await page.getByTestId('filter-name-familyId').innerText()).toBe('Gezin van Daan de Vries');
    await expectAccessible(page, 'access log, filtered from a row');

    // The lookup itself is in the log: Daan's entry of the chain privacy officer's search by BSN.
    const logged = await portal.gateway.graphql<{ accessLog: { edges: { node: { subjectMemberIds: string[]; actor: { professionalId: string } } }[] } }>(
      `query { accessLog(filter: { activity: "LOOK_UP_MEMBER_BY_BSN" }) { edges { node { subjectMemberIds actor { professionalId } } } } }`,
      { token: await portal.gateway.tokenFor('keten-fg') },
    );
    expect(logged.data?.accessLog.edges.map((e) => [e.node.actor.professionalId, e.node.subjectMemberIds])).toEqual([[P.ketenFg, [M.daan]]]);
  }, FLOW_TIMEOUT_MS);

  it("an organisation's privacy officer finds a professional of their organisation by name", async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'fg-gemeente');
    await page.waitForURL('**/access-log');
    await page.getByLabel('Wie zoekt u?').selectOption('professional');
    await page.getByLabel('Naam', { exact: true }).fill('pieter');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('button', { name: 'Filter op Pieter de Jong' }).click();
    await page.waitForURL(new RegExp(`professionalId=${P.wmo}`));
    expect(await page.getByTestId('filter-name-professionalId').innerText()).toBe('Pieter de Jong');
    await expectAccessible(page, 'access log, filtered on a professional');
  }, FLOW_TIMEOUT_MS);
});
