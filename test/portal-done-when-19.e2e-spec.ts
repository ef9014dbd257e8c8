/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { loadSodium, verifyReceipt } from '@kring/crypto';
import { DEMO_MEMBERS as M, DEMO_PROFESSIONALS as P } from '@kring/demo-world';
import { describeBrowser, expectAccessible, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const JUSTIFICATION = 'Daan belde de mentor in paniek: er wordt thuis geslagen en zijn moeder neemt niet op.';
const NOTICE_TITLE = 'Noodtoegang tot gegevens van uw gezin';
/** Daan's BSN in the demo world (libs/demo-world/src/demo-world.ts). */
const DAAN_BSN = '456781006';

/**
 * Issue 19's "Done when", tried as its people would, one story in one browser: Femke Bakker
 * (youth care) opens emergency access from the family file, naming the Veilig Thuis advisor she
 * consulted, and reads for child protection; the chain privacy officer reviews it from the queue;
 * Marieke then sees the notice with the justification; her consent receipt downloads and verifies
 * with the published key; the officer finds who read Daan's data by his BSN, without typing an
 * id. Axe on every page. Screenshots `docs/screenshots/done-when-19-*.png`.
 */
describeBrowser('Portal (issue 19, done when): break-glass from the file to the family, a receipt, the officer without ids', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_done_when_19' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('youth care opens break-glass naming the colleague; the officer reviews it; Marieke is told and verifies a receipt; the officer finds Daan by BSN', async () => {
    // 1. Femke opens emergency access from the family file, after consulting Veilig Thuis.
    const { page: femke } = await portal.newPage();
    await signInAs(femke, 'jeugdhulp');
    await openFamilyForCaseCoordination(femke);
    const section = femke.locator('section[aria-labelledby="file-break-glass"]');
    await section.getByRole('button', { name: 'Noodtoegang openen…' }).click();
    // Sent empty of the two things the meldcode asks: both are said at their questions.
    await section.getByRole('button', { name: 'Noodtoegang openen', exact: true }).click();
    await section.getByText('Leg in 30 tot 4.000 tekens uit waarom.').waitFor();
    await section.getByText('Kies met wie u heeft overlegd.', { exact: true }).waitFor();
    await expectAccessible(femke, 'the break-glass form, refused');
    await section.getByRole('checkbox', { name: 'Gezinssamenstelling' }).uncheck();
    await section.getByLabel('Waarom vreest u voor de veiligheid van een kind, en waarom kunt u het niet vragen?').fill(JUSTIFICATION);
    const colleague = section.getByLabel('Met wie heeft u overlegd?');
    // Her own organisation has no other colleague; the other organisations' contacts come from the circle, Veilig Thuis from the directory.
    expect(await colleague.locator('optgroup[label="Betrokken bij het gezin"] option').allInnerTexts()).toContain('Pieter de Jong, Gemeente Heerenveen Team Toegang');
    await colleague.selectOption({ label: 'Ingrid Smit, Veilig Thuis Friesland' });
    await screenshot(femke, 'done-when-19-youth-care-opens-break-glass', { scrollTo: section });
    await section.getByRole('button', { name: 'Noodtoegang openen', exact: true }).click();
    await section.getByTestId('break-glass-opened').getByText(/^Noodtoegang is open tot /).waitFor();
    await expectAccessible(femke, 'break-glass opened');
    await section.getByRole('link', { name: 'Het dossier lezen om een kind te beschermen' }).click();
    await femke.getByTestId('declared-purpose').filter({ hasText: 'Een kind beschermen' }).waitFor();
    await femke.getByText('Kerkstraat 12, 8441 AB Heerenveen').waitFor();

    // Before the review, Marieke sees nothing of it.
    const { page: marieke } = await portal.newPage();
    await signInAs(marieke, 'marieke');
    await menu(marieke, 'Wie heeft gekeken');
    await marieke.getByRole('heading', { level: 1, name: 'Wie heeft gekeken' }).waitFor();
    await marieke.waitForLoadState('networkidle');
    expect(await marieke.content()).not.toContain('paniek');
    expect(await marieke.getByRole('heading', { name: NOTICE_TITLE }).count()).toBe(0);

    // 2. The chain privacy officer reviews it from the queue: the colleague named, what was read listed.
    const { page: officer } = await portal.newPage();
    await signInAs(officer, 'keten-fg');
    await menu(officer, 'Noodtoegang beoordelen');
    const card = officer.locator('section.kring-bg-grant').filter({ hasText: JUSTIFICATION });
    await card.waitFor();
    const words = await card.innerText();
    for (const text of ['Jeugdhulp Friesland', 'Ingrid Smit, Veilig Thuis Friesland', 'Wat is er gelezen met deze noodtoegang']) expect({ text, on: words.includes(text) }).toEqual({ text, on: true });
    expect(await card.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(officer, 'the review queue');
    await card.getByRole('radio', { name: 'Terecht', exact: true }).check();
    await card.getByLabel('Uw toelichting').fill('Terecht: acuut gevaar, met Veilig Thuis overlegd en dezelfde dag gemeld.');
    await card.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await officer.locator('section.kring-bg-grant').filter({ hasText: JUSTIFICATION }).getByText(/Oordeel: Terecht, op/).waitFor();
    await screenshot(officer, 'done-when-19-officer-reviews', { scrollTo: officer.locator('section.kring-bg-grant').filter({ hasText: JUSTIFICATION }) });

    // 3. Marieke now sees the notice with the justification.
    await menu(marieke, 'Wat er over mij staat');
    const notice = marieke.locator('section[aria-labelledby="break-glass-notices-title"]');
    await notice.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    const told = await notice.innerText();
    for (const text of ['Jeugdhulp Friesland heeft op', JUSTIFICATION, 'De privacy-officer vond het terecht.']) expect({ text, on: told.includes(text) }).toEqual({ text, on: true });
    expect(told).not.toContain('Ingrid Smit');
    await expectAccessible(marieke, 'the start page with the notice');
    await screenshot(marieke, 'done-when-19-marieke-is-told', { scrollTo: notice });

    // 4. Her receipt downloads and verifies with the published key.
    await menu(marieke, 'Wie mag wat zien');
    const button = marieke.locator('[data-testid^="download-receipt-"]').first();
    await button.waitFor();
    const consentId = ((await button.getAttribute('data-testid')) ?? '').replace('download-receipt-', '');
    const [download] = await Promise.all([marieke.waitForEvent('download'), button.click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { consentId: string; receipts: { receipt: { recordId: string }; signature: { kid: string; value: string; alg: string } }[] };
    expect(file.consentId).toBe(consentId);
    expect(file.receipts.length).toBeGreaterThan(0);
    const keys = (await (await fetch(`${portal.baseUrl}/.well-known/kring-receipt-keys`)).json()) as { keys: { kid: string; x: string }[] };
    const sodium = await loadSodium();
    for (const signed of file.receipts) expect(verifyReceipt(sodium, signed, keys.keys)).toBe(true);
    // A receipt changed by one character does not verify.
    const first = file.receipts[0];
    if (first === undefined) throw new Error('no receipt');
    expect(verifyReceipt(sodium, { ...first, receipt: { ...first.receipt, recordId: `${first.receipt.recordId}x` } }, keys.keys)).toBe(false);

    // 5. The officer finds who read Daan's data by his BSN, without typing an id.
    await menu(officer, 'Toegangslog');
    await officer.getByTestId('log-row').first().waitFor();
    await officer.getByLabel('BSN of naam').fill(DAAN_BSN);
    await officer.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await officer.getByRole('button', { name: 'Filter op Daan de Vries' }).click();
    await officer.waitForURL(new RegExp(`memberId=${M.daan}`));
    expect(officer.url()).not.toMatch(/Daan|456781006/);
    const rows = officer.getByTestId('log-row');
    await rows.getByTestId(`filter-professional-${P.jeugdhulp}`).first().waitFor();
    expect(await officer.getByTestId('filter-name-memberId').innerText()).toBe('Daan de Vries');
    await expectAccessible(officer, 'the access log filtered on Daan, found by BSN');
    await screenshot(officer, 'done-when-19-officer-finds-daan-by-bsn');
  }, 300_000);
});
