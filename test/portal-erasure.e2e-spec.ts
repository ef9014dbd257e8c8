/// <reference lib="dom" />
import { DEMO_FAMILY_ID } from '@kring/demo-world';
import { describeBrowser, expectAccessible, menu, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/** The chain privacy officer erases a family from the portal (DESIGN.md §5.4; docs/decisions.md, *Erasure*). */
describeBrowser('Portal: erasing a family', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_erasure' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it("is in the chain privacy officer's menu only", async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'fg-gemeente');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Toegangslog', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Gezin wissen', exact: true }).count()).toBe(0);
    // Typing the address in the same session (the session lives in the page, so no reload).
    await page.evaluate(() => {
      window.history.pushState(null, '', '/erase-family');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Gezin wissen' }).count()).toBe(0);
  });

  it('refuses an incomplete form in words, then erases the family and shows the receipt; the family is gone', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'keten-fg');
    await menu(page, 'Gezin wissen');
    await page.getByRole('heading', { level: 1, name: 'Gezin wissen' }).waitFor();
    await page.getByText('Er is nog geen gezin gewist.').waitFor();

    // Nothing filled in: three problems, named at their fields, and nothing is sent.
    await page.getByRole('button', { name: 'Gezin wissen' }).click();
    await page.getByText('Het gezin is niet gewist.').waitFor();
    await page.getByText('Vul het id van het gezin in').waitFor();
    await page.getByText('Vul een reden in van minstens 10 tekens').waitFor();
    await page.getByText('Zet een vinkje').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('erase-family-id');
    await expectAccessible(page, 'erase form, refused');

    await page.getByLabel('Gezin (id)').fill(DEMO_FAMILY_ID);
    await page.getByLabel('Reden').fill('Verzoek AVG-2026-0117, art. 17, toegewezen');
    await page.getByRole('checkbox', { name: /Ik begrijp dat alle gegevens/ }).check();
    await page.getByRole('button', { name: 'Gezin wissen' }).click();
    await page.getByText('Het gezin is gewist. De sleutel is vernietigd.').waitFor();
    const receipt = page.getByRole('region', { name: 'Bewijs van wissen' });
    await receipt.getByText(DEMO_FAMILY_ID).waitFor();
    await receipt.getByText('Gemeente Heerenveen Team Toegang').waitFor();
    // The list of earlier erasures follows, with the reason (decrypted for the chain's officer).
    const past = page.getByRole('table', { name: 'Alle gewiste gezinnen, nieuwste eerst' });
    await past.getByRole('cell', { name: 'Verzoek AVG-2026-0117, art. 17, toegewezen' }).waitFor();
    await expectAccessible(page, 'erase receipt');
    await screenshot(page, 'officer-erase-family');

    const read = await portal.gateway.graphql(`query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { id } }`, { token: await portal.gateway.tokenFor('wmo') });
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A second time: the family no longer exists, and the page says so at the id.
    await page.getByLabel('Gezin (id)').fill(DEMO_FAMILY_ID);
    await page.getByLabel('Reden').fill('Verzoek AVG-2026-0117, art. 17, toegewezen');
    await page.getByRole('checkbox', { name: /Ik begrijp dat alle gegevens/ }).check();
    await page.getByRole('button', { name: 'Gezin wissen' }).click();
    await page.getByText('Er is geen gezin met dit id, of het is al gewist.').waitFor();
  });
});
