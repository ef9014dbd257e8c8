/// <reference lib="dom" />
import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, handCaseDirectionBackToWmo, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const TRANSFER = `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`;
const VT_CIRCLE = `query($familyId: ID!) { circle(familyId: $familyId) { involvements { id organisation { id } shieldings { id memberId } } } }`;
const MY_CIRCLE = `{ myCircle { involvements { organisation { id } } } }`;

/**
 * The circle and case direction in the portal (issue 16, item 5): the member's case director and
 * who is helping, a warm handover by the case director, Veilig Thuis shielding its involvement
 * and lifting it again, and the privacy officer's shieldings. (The team leads read the requests for
 * another case director in the escalation queue: test/portal-escalation.e2e-spec.ts.)
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

  const ask = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await portal.gateway.graphql<T>(query, { token: await portal.gateway.tokenFor(persona), variables });
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };

  /** Veilig Thuis's involvement with the demo family (registered by the WMO team when no test did yet), and its shieldings in force. */
  const veiligThuis = async (): Promise<{ id: string; shieldings: { id: string; memberId: string }[] }> => {
    type Answer = { circle: { involvements: { id: string; organisation: { id: string }; shieldings: { id: string; memberId: string }[] | null }[] } };
    const read = await portal.gateway.graphql<Answer>(VT_CIRCLE, { token: await portal.gateway.tokenFor('veiligthuis'), variables: { familyId: DEMO_FAMILY_ID } });
    const found = read.data?.circle.involvements.find((i) => i.organisation.id === DEMO_ORGANISATIONS.veiligThuis);
    if (found !== undefined) return { id: found.id, shieldings: found.shieldings ?? [] };
    const registered = await ask<{ registerInvolvement: { id: string } }>('wmo', `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, organisationId: DEMO_ORGANISATIONS.veiligThuis, contactProfessionalId: DEMO_PROFESSIONALS.veiligthuis },
    });
    return { id: registered.registerInvolvement.id, shieldings: [] };
  };

  /** Lifts whatever Veilig Thuis still shields, so no test finds another's shielding in force. */
  const liftVeiligThuisShieldings = async () => {
    for (const shielding of (await veiligThuis()).shieldings) {
      await ask('veiligthuis', `mutation($input: LiftShieldingInput!) { liftShielding(input: $input) { id } }`, { input: { shieldingId: shielding.id, reason: 'Opgeheven na de test.' } });
    }
  };

  const seesVeiligThuis = async (persona: string) =>
    (await ask<{ myCircle: { involvements: { organisation: { id: string } }[] } }>(persona, MY_CIRCLE)).myCircle.involvements.some((i) => i.organisation.id === DEMO_ORGANISATIONS.veiligThuis);

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
      // A request is an escalation of kind OTHER_CASE_DIRECTOR (docs/escalation.md), its reason what blocks.
      const stored = await db.query<{ text: string }>(`SELECT blocks_ciphertext::text AS text FROM escalation WHERE raised_by_member_id = $1 AND kind = 'OTHER_CASE_DIRECTOR'`, [DEMO_MEMBERS.marieke]);
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
    const involvement = await veiligThuis();
    const reason = 'Melding over de vader; onderzoek loopt nog.';
    await ask('veiligthuis', `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, { input: { involvementId: involvement.id, memberIds: [DEMO_MEMBERS.johan], reason } });

    try {
      const { page } = await portal.newPage();
      await signInAs(page, 'keten-fg');
      await menu(page, 'Afschermingen');
      const row = page.getByRole('row').filter({ hasText: reason });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain('Veilig Thuis Friesland');
      expect(text).toContain(DEMO_MEMBERS.johan);
      expect(text).toContain('Van kracht');
      await expectAccessible(page, 'shieldings');
      await screenshot(page, 'officer-shieldings');
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { name: 'Shieldings', level: 1 }).waitFor();
      await expectAccessible(page, 'shieldings, English');
    } finally {
      await liftVeiligThuisShieldings();
    }
  });

  /** Veilig Thuis opens the file for child protection (its statutory task), by a link: signing in leads back to it. */
  const openAsVeiligThuis = async (): Promise<Page> => {
    const { page } = await portal.newPage();
    await page.goto(`/families/${DEMO_FAMILY_ID}?purpose=CHILD_PROTECTION`);
    await page.getByRole('button', { name: 'Inloggen als veiligthuis', exact: true }).click();
    await page.getByRole('heading', { name: 'Afschermen voor gezinsleden' }).waitFor();
    return page;
  };

  it('Veilig Thuis shields its involvement from Johan in the family file: refusals in words, then Johan no longer sees Veilig Thuis, Marieke still does', async () => {
    await veiligThuis();
    await liftVeiligThuisShieldings();
    try {
      const page = await openAsVeiligThuis();
      expect(await page.getByText('Uw betrokkenheid is voor niemand afgeschermd.').count()).toBe(1);

      // Nothing chosen and no reason: refused in words, nothing sent.
      await page.getByRole('button', { name: 'Afschermen', exact: true }).click();
      await page.getByText('Kies minstens één gezinslid.').first().waitFor();
      await page.getByText('Schrijf minstens 10 en hoogstens 2000 tekens.').first().waitFor();
      await expectAccessible(page, 'shielding, refused');
      expect(await seesVeiligThuis('johan')).toBe(true);

      // (The add-record form below has a box for Johan too.)
      await page.locator('section[aria-labelledby="shielding-title"]').getByLabel('Johan de Vries').check();
      await page.getByLabel('Waarom mogen zij het niet weten?').fill('Melding over de vader; het onderzoek loopt nog.');
      expect(await page.getByText('Kies minstens één gezinslid.').count()).toBe(0);
      await expectAccessible(page, 'shielding, filled in');
      await screenshot(page, 'professional-shield-involvement', { scrollTo: page.locator('#shielding-title') });
      await page.getByRole('button', { name: 'Afschermen', exact: true }).click();
      await page.getByText('Uw betrokkenheid is afgeschermd voor Johan de Vries.').waitFor();
      expect(await page.getByTestId('shielding-in-force').innerText()).toContain('Johan de Vries, sinds');
      expect(await seesVeiligThuis('johan')).toBe(false);
      expect(await seesVeiligThuis('marieke')).toBe(true);
    } finally {
      await liftVeiligThuisShieldings();
    }
  });

  it('Veilig Thuis lifts its shielding from Johan in the family file, warned what Johan will see; Johan sees Veilig Thuis again, and the officers read it as lifted', async () => {
    const involvement = await veiligThuis();
    await liftVeiligThuisShieldings();
    await ask('veiligthuis', `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvement.id, memberIds: [DEMO_MEMBERS.johan], reason: 'Melding over de vader; het onderzoek loopt nog.' },
    });
    const liftReason = 'Onderzoek afgerond; vader is ingelicht.';
    try {
      const page = await openAsVeiligThuis();
      await page.getByRole('button', { name: 'Afscherming opheffen voor Johan de Vries' }).click();
      await page.getByText('Na het opheffen ziet Johan de Vries uw organisatie weer bij wie er helpen.').waitFor();
      await page.getByRole('button', { name: 'Opheffen', exact: true }).click();
      await page.getByText('Schrijf minstens 10 en hoogstens 2000 tekens.').first().waitFor();
      await page.getByLabel('Waarom mag Johan de Vries het nu weten?').fill(liftReason);
      await expectAccessible(page, 'lifting a shielding');
      await screenshot(page, 'professional-lift-shielding', { scrollTo: page.locator('#shielding-title') });
      expect(await seesVeiligThuis('johan')).toBe(false);
      await page.getByRole('button', { name: 'Opheffen', exact: true }).click();
      await page.getByText('De afscherming voor Johan de Vries is opgeheven.').waitFor();
      await page.getByText('Uw betrokkenheid is voor niemand afgeschermd.').waitFor();
      expect(await seesVeiligThuis('johan')).toBe(true);
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { name: 'Shield from family members' }).waitFor();
      await expectAccessible(page, 'shielding, English');

      const { page: officer } = await portal.newPage();
      await signInAs(officer, 'keten-fg');
      await menu(officer, 'Afschermingen');
      const row = officer.getByRole('row').filter({ hasText: liftReason });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain('Opgeheven');
      expect(text).toContain(DEMO_PROFESSIONALS.veiligthuis);
      expect(text).not.toContain('Van kracht');
      await expectAccessible(officer, 'shieldings with a lifted one');
      await screenshot(officer, 'officer-shieldings-lifted', { scrollTo: row });
    } finally {
      await liftVeiligThuisShieldings();
    }
  });

  it('an organisation without a statutory task is offered no shielding in the family file', async () => {
    await veiligThuis();
    const { page } = await portal.newPage();
    await openCircle(page);
    await page.getByRole('heading', { name: 'Wie helpen er (de kring)' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Afschermen voor gezinsleden' }).count()).toBe(0);
  });
});
