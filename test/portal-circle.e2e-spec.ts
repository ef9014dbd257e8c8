/// <reference lib="dom" />
import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, handCaseDirectionBackToWmo, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const TRANSFER = `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`;

/**
 * The circle and case direction in the portal (issue 16, item 5): the member's case director and
 * who is helping, a warm handover by the case director, and the privacy officer's shieldings.
 */
describeBrowser('Portal (issue 16): the circle, case direction and shieldings', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_circle' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const handBackToWmo = (from: string) => handCaseDirectionBackToWmo(portal, from);

  const openCircle = async (page: Page) => {
    await signInAs(page, 'wmo');
    await openFamilyForCaseCoordination(page);
    await page.getByTestId('circle-case-director').waitFor();
  };

  it('Marieke sees her case director by name, role, organisation and how to reach them, and who is helping, in Dutch and English', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'marieke');
    expect(await page.getByTestId('case-director-name').innerText()).toBe('Pieter de Jong');
    const director = await page.locator('section[aria-labelledby="member-case-director"]').innerText();
    expect(director).toContain('Gemeente Heerenveen Team Toegang');
    expect(director).toContain('hulpverlener');
    expect(director).toContain('0513 61 7600, p.dejong@heerenveen.example');
    const circle = await page.getByTestId('member-circle').innerText();
    for (const text of ['Jeugdhulp Friesland', 'Femke Bakker', 'Schuldhulpverlening Heerenveen', 'Participatie Heerenveen', 'Wmo (hulp thuis)', 'Heeft de casusregie']) expect(circle).toContain(text);
    await expectAccessible(page, 'member start page with the circle');
    await screenshot(page, 'member-circle', { scrollTo: page.locator('#member-case-director') });

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Your case director' }).waitFor();
    await page.getByRole('heading', { name: 'Who is helping' }).waitFor();
    expect(await page.getByTestId('member-circle').innerText()).toContain('Wmo (support at home)');
    await expectAccessible(page, 'member start page with the circle, English');
  });

  it('Marieke asks for another case director with a reason; too short a reason is refused in words', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'marieke');
    await page.getByRole('button', { name: 'Ik wil een andere regisseur' }).click();
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByText('Schrijf minstens 10 en hoogstens 2000 tekens.').first().waitFor();
    await expectAccessible(page, 'request for another case director, refused');
    const reason = 'Ik voel me niet gehoord in de gesprekken over Daan.';
    await page.getByLabel('Waarom wilt u een andere regisseur?').fill(reason);
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByText('Uw vraag is verstuurd.').waitFor();

    const db = new pg.Client({ connectionString: portal.gateway.database.url });
    await db.connect();
    try {
      const stored = await db.query<{ text: string }>(`SELECT reason_ciphertext::text AS text FROM case_director_request WHERE member_id = $1`, [DEMO_MEMBERS.marieke]);
      expect(stored.rows.length).toBeGreaterThan(0);
      // Sealed with the family's key: the words are not in the row.
      expect(stored.rows.map((r) => r.text).join()).not.toContain('gehoord');
    } finally {
      await db.end();
    }
  });

  it('the WMO case director hands case direction to Jeugdhulp with a note, and Marieke then sees Femke Bakker and the note', async () => {
    const note = 'Femke kent Daan al goed. Zij neemt de regie over; het gezinsgesprek van dinsdag gaat door.';
    try {
      const { page: wmo } = await portal.newPage();
      await openCircle(wmo);
      expect(await wmo.getByTestId('circle-case-director').innerText()).toBe('Pieter de Jong');
      const circle = await wmo.locator('#file-circle').locator('xpath=..').innerText();
      for (const text of ['Femke Bakker', '058 123 4501, f.bakker@jeugdhulpfriesland.example', 'Anouk Visser', 'Sander Mulder']) expect(circle).toContain(text);

      // Nothing chosen and no note: refused in words, nothing sent.
      await wmo.getByRole('button', { name: 'Casusregie overdragen' }).click();
      await wmo.getByText('Kies wie de casusregie overneemt.').first().waitFor();
      await wmo.getByText('Schrijf minstens 10 en hoogstens 4000 tekens.').first().waitFor();
      await expectAccessible(wmo, 'transfer of case direction, refused');

      await wmo.getByLabel('Nieuwe casusregisseur').selectOption({ label: 'Femke Bakker (Jeugdhulp Friesland)' });
      await wmo.getByLabel('Bericht voor de nieuwe regisseur en het gezin').fill(note);
      await expectAccessible(wmo, 'transfer of case direction, filled in');
      await screenshot(wmo, 'professional-transfer-case-direction', { scrollTo: wmo.locator('#file-circle') });
      await wmo.getByRole('button', { name: 'Casusregie overdragen' }).click();
      await wmo.getByText('De casusregie is overgedragen aan Femke Bakker.').waitFor();
      // The circle reloads: the new case director, and no form for someone who no longer directs.
      await wmo.getByTestId('circle-case-director').filter({ hasText: 'Femke Bakker' }).waitFor();
      expect(await wmo.getByRole('button', { name: 'Casusregie overdragen' }).count()).toBe(0);

      const { page: marieke } = await portal.newPage();
      await signInAs(marieke, 'marieke');
      await marieke.getByTestId('case-director-name').filter({ hasText: 'Femke Bakker' }).waitFor();
      expect(await marieke.getByTestId('handover-note').innerText()).toBe(note);
      expect(await marieke.locator('section[aria-labelledby="member-case-director"]').innerText()).toContain('Gemeente Heerenveen Team Toegang heeft de casusregie op');
      await expectAccessible(marieke, 'member start page after a handover');
      await screenshot(marieke, 'member-new-case-director', { scrollTo: marieke.locator('#member-case-director') });
    } finally {
      await handBackToWmo('jeugdhulp');
    }
  });

  it('a handover the API refuses (the case director handed over meanwhile) is explained in words', async () => {
    const { page } = await portal.newPage();
    await openCircle(page);
    // Meanwhile, elsewhere, the case director hands case direction to Schuldhulp.
    const elsewhere = await portal.gateway.graphql(TRANSFER, {
      token: await portal.gateway.tokenFor('wmo'),
      variables: { input: { familyId: DEMO_FAMILY_ID, toProfessionalId: DEMO_PROFESSIONALS.schuldhulp, note: 'Overgedragen in een ander venster.' } },
    });
    expect(elsewhere.errors).toBeUndefined();
    try {
      await page.getByLabel('Nieuwe casusregisseur').selectOption({ label: 'Femke Bakker (Jeugdhulp Friesland)' });
      await page.getByLabel('Bericht voor de nieuwe regisseur en het gezin').fill('Een overdracht die te laat komt.');
      await page.getByRole('button', { name: 'Casusregie overdragen' }).click();
      await page.getByText('Alleen de casusregisseur, of een teamleider van die organisatie, kan de casusregie overdragen.').waitFor();
      await expectAccessible(page, 'transfer of case direction, refused by the API');
    } finally {
      await handBackToWmo('schuldhulp');
    }
  });

  it("the chain privacy officer reads Veilig Thuis's shielding from Johan, with its reason, in Dutch and English", async () => {
    const involvement = await portal.gateway.graphql<{ registerInvolvement: { id: string } }>(
      `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`,
      { token: await portal.gateway.tokenFor('wmo'), variables: { input: { familyId: DEMO_FAMILY_ID, organisationId: DEMO_ORGANISATIONS.veiligThuis, contactProfessionalId: DEMO_PROFESSIONALS.veiligthuis } } },
    );
    expect(involvement.errors).toBeUndefined();
    const reason = 'Melding over de vader; onderzoek loopt nog.';
    const shield = await portal.gateway.graphql(`mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      token: await portal.gateway.tokenFor('veiligthuis'),
      variables: { input: { involvementId: involvement.data?.registerInvolvement.id, memberIds: [DEMO_MEMBERS.johan], reason } },
    });
    expect(shield.errors).toBeUndefined();

    const { page } = await portal.newPage();
    await signInAs(page, 'keten-fg');
    await menu(page, 'Afschermingen');
    const row = page.getByRole('row').filter({ hasText: DEMO_MEMBERS.johan });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Veilig Thuis Friesland');
    expect(text).toContain(reason);
    await expectAccessible(page, 'shieldings');
    await screenshot(page, 'officer-shieldings');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Shieldings', level: 1 }).waitFor();
    await expectAccessible(page, 'shieldings, English');
  });
});
